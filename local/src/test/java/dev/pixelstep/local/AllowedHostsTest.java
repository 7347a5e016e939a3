package dev.pixelstep.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedHostsTest {

    private final AllowedHosts loopback = AllowedHosts.forBindAddress("127.0.0.1");

    @Test
    void loopbackNamesAreAllowedWithAnyPort() {
        for (String host : List.of("127.0.0.1", "127.0.0.1:8080", "localhost", "LOCALHOST:9000", "localhost.:80", "127.1.2.3:1",
                "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]:8080")) {
            assertTrue(loopback.allows(host), host);
        }
    }

    @Test
    void otherNamesAndMalformedHeadersAreRefused() {
        for (String host : List.of("attacker.example", "attacker.example:8080", "127.0.0.1.nip.io", "localhost.attacker.example",
                "127.0.0.256", "0x7f.0.0.1", "2130706433", "192.0.2.1", "[2001:db8::1]:80", "::1", "localhost:80:90", "[::1",
                "[::1]x", "localhost:port", "", " ", "local host", "localhost\r\nX-Injected: 1")) {
            assertFalse(loopback.allows(host), host);
        }
        assertFalse(loopback.allows(null), "a missing Host header");
    }

    @Test
    void theBoundNameOrAddressIsAllowedToo() {
        assertTrue(AllowedHosts.forBindAddress("photos.lan").allows("photos.lan:8080"));
        assertFalse(AllowedHosts.forBindAddress("photos.lan").allows("other.lan:8080"));
        assertTrue(AllowedHosts.forBindAddress("192.0.2.7").allows("192.0.2.7:9000"));
        assertFalse(AllowedHosts.forBindAddress("192.0.2.7").allows("192.0.2.8:9000"));
    }

    @Test
    void aWildcardBindAllowsEveryAddressOfThisMachineAndNoOtherName() throws Exception {
        AllowedHosts any = AllowedHosts.forBindAddress("0.0.0.0");
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                String literal = address.getHostAddress().replaceAll("%.*", "");
                assertTrue(any.allows(literal.contains(":") ? "[" + literal + "]:8080" : literal + ":8080"), literal);
            }
        }
        assertFalse(any.allows("attacker.example"));
        assertFalse(any.allows("192.0.2.254"));
    }
}
