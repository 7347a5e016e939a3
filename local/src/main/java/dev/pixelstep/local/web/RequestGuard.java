package dev.pixelstep.local.web;

import dev.pixelstep.local.AllowedHosts;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Locale;
import java.util.Set;

/**
 * The first thing every request meets:
 * <ul>
 *   <li>its {@code Host} must be {@link AllowedHosts allowed} (a loopback name, or the bound
 *       address), so a site that points its own name at 127.0.0.1 (DNS rebinding) gets nothing;</li>
 *   <li>a request that may change something (any method but GET, HEAD and OPTIONS) must come from
 *       the page itself: refused when {@code Sec-Fetch-Site} says another site sent it, or, without
 *       that header, when {@code Origin} names another origin than the request's own. A request with
 *       neither header comes from a program, not a browser page, and is let through. This is the
 *       check Go's {@code net/http.CrossOriginProtection} makes; no token or cookie is needed, and a
 *       cross-site form or {@code fetch} with {@code Content-Type: text/plain} (which skips the
 *       CORS preflight) is refused like any other.</li>
 * </ul>
 * Refusals are 403 with a JSON error. It also tells {@link HeaderDeadline} while a request is in
 * hand, so that its body is not taken for slow headers.
 */
final class RequestGuard extends Handler.Wrapper {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AllowedHosts hosts;
    private final HeaderDeadline headerDeadline;

    RequestGuard(AllowedHosts hosts, HeaderDeadline headerDeadline, Handler next) {
        super(next);
        this.hosts = hosts;
        this.headerDeadline = headerDeadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headerDeadline.inHand(request);
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (!hosts.allows(host)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Exchanges.error(response, callback, 403, "this page answers only to " + hosts.describe()
                    + "; open it at the address 'pixelstep serve' printed");
            return true;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && crossOrigin(request, host)) {
            Exchanges.error(response, callback, 403, "requests from other sites cannot change anything here; use the page itself");
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** Whether a browser says another site sent the request. */
    static boolean crossOrigin(Request request, String host) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return false;
        }
        return !origin.toLowerCase(Locale.ROOT).equals("http://" + host.strip().toLowerCase(Locale.ROOT));
    }
}
