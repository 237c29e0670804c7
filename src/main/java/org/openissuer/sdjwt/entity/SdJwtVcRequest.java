package org.openissuer.sdjwt.entity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.JWK;

import org.openissuer.configuration.ClaimDefinition;

/**
 * What one SD-JWT VC is issued from: the configuration's claims, the subject's data and the
 * key the holder proved possession of.
 */
public record SdJwtVcRequest(String issuer, String vct, String typ, Duration validity, JWK holderKey,
        List<ClaimDefinition> claims, JsonObject subjectData, JsonObject status) {

    // SD-JWT VC §3.2.1: dc+sd-jwt; vc+sd-jwt is what wallets on older drafts still expect
    public static final String TYP_DC_SD_JWT = "dc+sd-jwt";
    public static final String TYP_VC_SD_JWT = "vc+sd-jwt";
    private static final Set<String> TYPES = Set.of(TYP_DC_SD_JWT, TYP_VC_SD_JWT);

    public SdJwtVcRequest {
        requireText(issuer, "issuer");
        requireText(vct, "vct");
        if (!TYPES.contains(typ)) {
            throw new IllegalArgumentException("typ must be one of " + TYPES + ", not " + typ);
        }
        // exp is in whole seconds (RFC 7519 §2 NumericDate): less than a second would expire on issuance
        if (validity == null || validity.getSeconds() < 1) {
            throw new IllegalArgumentException("validity must be at least one second, not " + validity);
        }
        Objects.requireNonNull(holderKey, "holderKey");
        // SD-JWT VC §3.2.2.2 / RFC 7800 §3.2: cnf carries the holder's public key; a private part here is a caller bug
        if (holderKey.isPrivate()) {
            throw new IllegalArgumentException("holderKey must be a public key");
        }
        claims = List.copyOf(Objects.requireNonNull(claims, "claims"));
        Objects.requireNonNull(subjectData, "subjectData");
    }

    /** Without a status claim: the credential relies on exp alone. */
    public SdJwtVcRequest(String issuer, String vct, String typ, Duration validity, JWK holderKey,
            List<ClaimDefinition> claims, JsonObject subjectData) {
        this(issuer, vct, typ, validity, holderKey, claims, subjectData, null);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
