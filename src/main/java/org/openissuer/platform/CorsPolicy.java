package org.openissuer.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which origins a browser may read answers from (Fetch standard, CORS protocol). {@code *} lets
 * any origin read, without credentials: the wallet endpoints authenticate by header, never by cookie.
 */
public record CorsPolicy(boolean anyOrigin, Set<String> origins) {

    public static final CorsPolicy NONE = new CorsPolicy(false, Set.of());

    public CorsPolicy {
        origins = Set.copyOf(origins);
    }

    /** "*", "none", or a comma-separated list of origins such as {@code https://wallet.example.com}. */
    public static CorsPolicy parse(String property, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (v.equals("*")) {
            return new CorsPolicy(true, Set.of());
        }
        return new CorsPolicy(false, List.of(v.split(",")).stream().map(String::strip)
                .map(o -> origin(property, o)).collect(Collectors.toSet()));
    }

    public boolean enabled() {
        return anyOrigin || !origins.isEmpty();
    }

    /** The Access-Control-Allow-Origin value for a request from this origin, if it may read the answer. */
    public Optional<String> allowOrigin(String origin) {
        if (anyOrigin) {
            return Optional.of("*");
        }
        return origin != null && origins.contains(origin.toLowerCase(Locale.ROOT)) ? Optional.of(origin) : Optional.empty();
    }

    // RFC 6454 §6.2: scheme "://" host [":" port], in lower case; nothing else
    private static String origin(String property, String text) {
        try {
            URI uri = new URI(text);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ConfigurationException(property, "'" + text + "' is not an origin such as https://wallet.example.com");
            }
            return text.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(property, "'" + text + "' is not an origin such as https://wallet.example.com");
        }
    }
}
