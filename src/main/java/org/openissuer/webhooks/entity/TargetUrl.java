package org.openissuer.webhooks.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a subscription's deliveries go. Only {@code https}: an event names subjects and
 * credentials, and the signature proves the sender but hides nothing. Plain {@code http} only to
 * a loopback host, for development; decided on the URL's text, never on a DNS answer, so a name
 * that resolves to 127.0.0.1 is not loopback here. No user info (credentials in a URL end up in
 * logs), no fragment (never sent).
 */
public final class TargetUrl {

    private TargetUrl() {
    }

    /** The URL, or the reason it is refused. */
    public static URI parse(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getMessage());
        }
        String scheme = Optional.ofNullable(url.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("must be an absolute http(s) URL with a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry user info");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment");
        }
        if ("https".equals(scheme)) {
            return url;
        }
        if ("http".equals(scheme)) {
            if (isLoopback(url.getHost())) {
                return url;
            }
            throw new IllegalArgumentException("must use https (plain http only to localhost, 127.0.0.0/8 or [::1])");
        }
        throw new IllegalArgumentException("must use https, not " + (scheme.isEmpty() ? "no scheme" : scheme));
    }

    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if ("localhost".equals(name) || "[::1]".equals(name) || "::1".equals(name)) {
            return true;
        }
        String[] octets = name.split("\\.", -1);
        if (octets.length != 4 || !"127".equals(octets[0])) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
