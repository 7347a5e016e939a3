package dev.pixelstep.local;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code Host} header values a local server answers to: the loopback names ({@code localhost},
 * {@code 127.0.0.0/8}, {@code [::1]}) and the address the server is bound to. Bound to a wildcard
 * address ({@code 0.0.0.0}, {@code ::}), also every address of this machine's network interfaces
 * and its host name. Any port is accepted; a missing or malformed header is not.
 * <p>
 * A web page on another site can point its own name at 127.0.0.1 (DNS rebinding) and then talk to
 * a local server as if it were that site; its requests still carry its own name in {@code Host},
 * which this check refuses. Host names are compared as text: nothing here resolves a name.
 */
public final class AllowedHosts {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}\\.?)*");

    private final Set<String> names;
    private final Set<InetAddress> addresses;

    private AllowedHosts(Set<String> names, Set<InetAddress> addresses) {
        this.names = Set.copyOf(names);
        this.addresses = Set.copyOf(addresses);
    }

    /**
     * The hosts a server bound to {@code bindHost} answers to.
     *
     * @param bindHost the address or name given to {@code --host}, e.g. {@code 127.0.0.1}
     */
    public static AllowedHosts forBindAddress(String bindHost) {
        Set<String> names = new HashSet<>(Set.of("localhost"));
        Set<InetAddress> addresses = new HashSet<>();
        String bind = bindHost.strip().toLowerCase(Locale.ROOT);
        if (bind.startsWith("[") && bind.endsWith("]")) {
            bind = bind.substring(1, bind.length() - 1);
        }
        InetAddress literal = literal(bind);
        if (literal == null) {
            names.add(stripDot(bind));
        } else if (literal.isAnyLocalAddress()) {
            addInterfaces(names, addresses);
        } else {
            addresses.add(literal);
        }
        return new AllowedHosts(names, addresses);
    }

    /**
     * Whether a request with this {@code Host} header may be served.
     *
     * @param hostHeader {@code name[:port]}, {@code a.b.c.d[:port]} or {@code [v6][:port]}; null when absent
     */
    public boolean allows(String hostHeader) {
        String host = hostPart(hostHeader);
        if (host == null) {
            return false;
        }
        InetAddress literal = literal(host);
        if (literal != null) {
            return literal.isLoopbackAddress() || addresses.contains(literal);
        }
        return NAME.matcher(host).matches() && names.contains(stripDot(host));
    }

    /** The allowed names and addresses, for messages. */
    public String describe() {
        Set<String> all = new TreeSet<>(names);
        all.add("127.0.0.0/8");
        all.add("[::1]");
        addresses.forEach(a -> all.add(a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress()));
        return String.join(", ", all);
    }

    /** The host of a Host header, lower-case, without port or brackets; null when malformed. */
    private static String hostPart(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip().toLowerCase(Locale.ROOT);
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return null;
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                return null;
            }
        } else {
            int colon = value.indexOf(':');
            if (colon != value.lastIndexOf(':')) {
                return null; // an IPv6 literal must be in brackets
            }
            host = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? "" : value.substring(colon + 1);
        }
        if (host.isEmpty() || !port.matches("\\d{0,5}")) {
            return null;
        }
        return host;
    }

    /** The address written as {@code text} (IPv4 dotted quad or IPv6 literal), or null for a name. Never resolves a name. */
    private static InetAddress literal(String text) {
        var v4 = IPV4.matcher(text);
        boolean isV4 = v4.matches();
        if (isV4) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return null;
                }
            }
        }
        if (!isV4 && !(text.contains(":") && IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static void addInterfaces(Set<String> names, Set<InetAddress> addresses) {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    addresses.add(withoutScope(address));
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: loopback names only
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // this machine has no resolvable name: its addresses still work
        }
    }

    /** IPv6 link-local addresses carry a scope (%eth0) that a Host header never does. */
    private static InetAddress withoutScope(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
