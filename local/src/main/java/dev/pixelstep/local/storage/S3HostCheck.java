package dev.pixelstep.local.storage;

import dev.pixelstep.local.AllowedHosts;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.http.HttpHeader;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, with S3's {@code 403 AccessDenied}, every request to the embedded S3 server whose
 * {@code Host} header is not an {@link AllowedHosts allowed} name, before S3Proxy sees it.
 * <p>
 * S3Proxy has no option for this and does not expose its Jetty server (a copy shaded into its own
 * jar), so the check is installed by wrapping that server's handler before it starts. An S3Proxy
 * version that renames the field fails {@link #install} loudly, and {@code EmbeddedS3Test} with it.
 */
final class S3HostCheck extends Handler.Wrapper {

    private final AllowedHosts hosts;

    private S3HostCheck(AllowedHosts hosts, Handler next) {
        super(next);
        this.hosts = hosts;
    }

    /** Wraps the handler of a built, not yet started S3Proxy. */
    static void install(S3Proxy proxy, AllowedHosts hosts) {
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            Server server = (Server) field.get(proxy);
            server.setHandler(new S3HostCheck(hosts, server.getHandler()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot install the Host check into this S3Proxy version: " + e, e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (hosts.allows(host)) {
            return super.handle(request, response, callback);
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>"
                + "This S3 endpoint answers only to " + hosts.describe() + "</Message></Error>";
        response.setStatus(403);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
