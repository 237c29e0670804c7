package org.openissuer.dpop.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 9449 §4.3 item 9: htu compared with the request's URI without query and fragment, after
 * the syntax-based normalisation of RFC 3986 §6.2.2/§6.2.3: scheme and host case-insensitive,
 * a default port equals no port, an empty path is "/".
 */
final class TargetUri {

    private TargetUri() {
    }

    static Optional<String> normalise(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme)) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean matches(String htu, String expected) {
        Optional<String> actual = normalise(htu);
        return actual.isPresent() && actual.equals(normalise(expected));
    }
}
