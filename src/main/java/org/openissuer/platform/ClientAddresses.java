package org.openissuer.platform;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's network address: the peer, or, behind a trusted proxy, the first X-Forwarded-For hop.
 * The one place that reads it, for rate limits and audit rows alike.
 */
@ApplicationScoped
public class ClientAddresses {

    public static final String TRUST_FORWARDED_FOR = "issuer.rate-limit.trust-forwarded-for";
    static final String FORWARDED_FOR = "X-Forwarded-For";
    // an IPv6 address with zone is at most 45 + zone characters; anything longer is not an address
    private static final int MAX_LENGTH = 64;

    private final boolean trustForwardedFor;

    /** For the CDI proxy only. */
    protected ClientAddresses() {
        this.trustForwardedFor = false;
    }

    /** @param trustForwardedFor behind a proxy the peer is the proxy: only then may X-Forwarded-For name the client */
    @Inject
    public ClientAddresses(@ConfigProperty(name = TRUST_FORWARDED_FOR) boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustForwardedFor) {
            return peer;
        }
        return firstHop(request.getHeader(FORWARDED_FOR)).orElse(peer);
    }

    static Optional<String> firstHop(String forwardedFor) {
        if (forwardedFor == null) {
            return Optional.empty();
        }
        int comma = forwardedFor.indexOf(',');
        String first = (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).strip();
        return first.isEmpty() || first.length() > MAX_LENGTH || !first.matches("[0-9A-Fa-f.:\\[\\]%a-zA-Z_-]+")
                ? Optional.empty() : Optional.of(first);
    }
}
