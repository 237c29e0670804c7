package org.openissuer.encryption.entity;

import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * The wallet's {@code credential_response_encryption} {jwk, enc, zip} (OID4VCI 1.0 §8.2), checked
 * when parsed: every problem is an {@code invalid_encryption_parameters} (§8.3.1.2).
 */
public record ResponseEncryptionParameters(JWK jwk, JWEAlgorithm alg, EncryptionMethod enc,
        Optional<CompressionAlgorithm> zip) {

    // RFC 7518 §6.2.2, §6.3.2, §6.4: members only a private or symmetric key has
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final Set<Curve> CURVES = Set.of(Curve.P_256, Curve.P_384, Curve.P_521);
    private static final int MIN_RSA_BITS = 2048;

    /**
     * @param draft13Alg whether a top-level {@code alg} is accepted: drafts 13 to 15 (draft 13 §7.2,
     *        draft 15 §8.2) sent it beside
     *        the jwk, 1.0 takes the algorithm from the jwk's own {@code alg} (§10)
     */
    public static ResponseEncryptionParameters parse(JsonValue value, boolean draft13Alg) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("credential_response_encryption must be an object");
        }
        JsonObject params = value.asJsonObject();
        JWK jwk = jwk(params.get("jwk"));
        JWEAlgorithm alg = algorithm(jwk, draft13Alg ? string(params, "alg") : Optional.empty());
        checkKeyType(jwk, alg);
        String enc = string(params, "enc").orElseThrow(() -> invalid("credential_response_encryption.enc is required"));
        if (!SupportedJwe.encryptionMethod(enc)) {
            throw invalid("enc " + enc + " is not supported; use one of enc_values_supported");
        }
        Optional<String> zip = string(params, "zip");
        if (zip.isPresent() && !SupportedJwe.compression(zip.get())) {
            throw invalid("zip " + zip.get() + " is not supported; use DEF or no zip");
        }
        return new ResponseEncryptionParameters(jwk, alg, EncryptionMethod.parse(enc),
                zip.map(CompressionAlgorithm::new));
    }

    private static JWK jwk(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            throw invalid("credential_response_encryption.jwk is required");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("credential_response_encryption.jwk must be a JWK object");
        }
        if (value.asJsonObject().keySet().stream().anyMatch(PRIVATE_MEMBERS::contains)) {
            throw invalid("credential_response_encryption.jwk must be a public key without private members");
        }
        JWK jwk;
        try {
            jwk = JWK.parse(value.asJsonObject().toString());
        } catch (ParseException | RuntimeException e) {
            // hostile input: Nimbus reports some malformed keys with unchecked exceptions
            throw invalid("credential_response_encryption.jwk is not a valid public JWK");
        }
        if (jwk.isPrivate()) {
            throw invalid("credential_response_encryption.jwk must be a public key without private members");
        }
        return jwk;
    }

    // OID4VCI 1.0 §10: the alg member MUST be present and the JWE alg is the jwk's alg
    private static JWEAlgorithm algorithm(JWK jwk, Optional<String> draft13Alg) {
        String fromKey = jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
        if (fromKey != null && draft13Alg.isPresent() && !fromKey.equals(draft13Alg.get())) {
            throw invalid("alg " + draft13Alg.get() + " contradicts the jwk's alg " + fromKey);
        }
        String name = fromKey != null ? fromKey : draft13Alg.orElseThrow(
                () -> invalid("credential_response_encryption.jwk must carry alg (OID4VCI 1.0 section 10)"));
        if (!SupportedJwe.algorithm(name)) {
            throw invalid("alg " + name + " is not supported; use one of alg_values_supported");
        }
        return JWEAlgorithm.parse(name);
    }

    private static void checkKeyType(JWK jwk, JWEAlgorithm alg) {
        if (JWEAlgorithm.ECDH_ES.equals(alg)) {
            if (!(jwk instanceof ECKey ec) || !CURVES.contains(ec.getCurve())) {
                throw invalid("ECDH-ES needs an EC key on P-256, P-384 or P-521");
            }
        } else if (!(jwk instanceof RSAKey rsa) || rsa.size() < MIN_RSA_BITS) {
            throw invalid("RSA-OAEP-256 needs an RSA key of at least " + MIN_RSA_BITS + " bits");
        }
        if (jwk.getKeyUse() != null && !"enc".equals(jwk.getKeyUse().identifier())) {
            throw invalid("credential_response_encryption.jwk has use " + jwk.getKeyUse().identifier() + ", not enc");
        }
    }

    private static Optional<String> string(JsonObject params, String name) {
        JsonValue value = params.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            throw invalid("credential_response_encryption." + name + " must be a string");
        }
        return Optional.of(s.getString());
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_ENCRYPTION_PARAMETERS, description);
    }
}
