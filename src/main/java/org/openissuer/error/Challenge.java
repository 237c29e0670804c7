package org.openissuer.error;

import java.util.Optional;

/**
 * A WWW-Authenticate scheme and its parameters besides the error (RFC 6750 §3, RFC 9449 §7.1).
 *
 * @param algs for DPoP: the space-separated dpop_signing_alg_values_supported
 */
public record Challenge(String scheme, Optional<String> algs) {

    public static final Challenge BEARER = new Challenge("Bearer", Optional.empty());

    public static Challenge dpop(String algs) {
        return new Challenge("DPoP", Optional.of(algs));
    }

    String header(String errorCode, String description) {
        StringBuilder header = new StringBuilder(scheme);
        String separator = " ";
        if (errorCode != null) {
            header.append(" error=\"").append(errorCode).append('"');
            separator = ", ";
            if (!description.isEmpty()) {
                header.append(", error_description=\"").append(description).append('"');
            }
        }
        if (algs.isPresent()) {
            header.append(separator).append("algs=\"").append(algs.get()).append('"');
        }
        return header.toString();
    }
}
