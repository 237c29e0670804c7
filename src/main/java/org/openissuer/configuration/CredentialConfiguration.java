package org.openissuer.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;

/** A credential the issuer offers (OID4VCI 1.0 §12.2.4), plus how it issues it. */
public record CredentialConfiguration(
        String id,
        String format,
        String scope,
        String vct,
        Duration validity,
        Optional<String> profile,
        List<String> proofSigningAlgorithms,
        JsonArray display,
        List<ClaimDefinition> claims,
        boolean statusList) {

    public static final String FORMAT_SD_JWT_VC = "dc+sd-jwt";

    public CredentialConfiguration {
        proofSigningAlgorithms = List.copyOf(proofSigningAlgorithms);
        claims = List.copyOf(claims);
    }

    /** With a status list entry, the default (draft-ietf-oauth-status-list-21). */
    public CredentialConfiguration(String id, String format, String scope, String vct, Duration validity,
            Optional<String> profile, List<String> proofSigningAlgorithms, JsonArray display, List<ClaimDefinition> claims) {
        this(id, format, scope, vct, validity, profile, proofSigningAlgorithms, display, claims, true);
    }
}
