package io.aether.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/** Web origins as browsers write them: {@code scheme://host[:port]}, lower case, default port dropped. */
public final class Origins {
    private Origins() {}

    /** The origin of a URL or origin string; "" for anything without scheme and host (e.g. "null"). */
    public static String of(String url) {
        try {
            return of(URI.create(url.strip()));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    public static String of(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** The origin this request was addressed to (its scheme and Host header); "" without a Host. */
    public static String ofRequest(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null ? "" : of(request.getScheme() + "://" + host.strip());
    }
}
