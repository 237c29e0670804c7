package org.openissuer.ratelimit.boundary;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.openissuer.ratelimit.control.RateLimitSettings;

/** The client's network address: the peer, or, behind a trusted proxy, the first X-Forwarded-For hop. */
@ApplicationScoped
public class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    // an IPv6 address with zone is at most 45 + zone characters; anything longer is not an address
    private static final int MAX_LENGTH = 64;

    @Inject
    RateLimitSettings settings;

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!settings.trustForwardedFor()) {
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
