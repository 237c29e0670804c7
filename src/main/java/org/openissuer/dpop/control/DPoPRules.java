package org.openissuer.dpop.control;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one request expects of its DPoP proof (RFC 9449 §4.3).
 *
 * @param method      htm
 * @param uri         the endpoint's public URL (issuer identifier + path), compared with htu
 * @param accessToken the presented token at a resource server (ath); empty at the token endpoint
 * @param nonce       when present, a proof must carry a nonce this accepts (§8, §9)
 */
public record DPoPRules(String method, String uri, Optional<String> accessToken, Optional<Predicate<String>> nonce) {
}
