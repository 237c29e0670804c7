package org.openissuer.sdjwt.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.Jsonp;
import org.openissuer.sdjwt.entity.Disclosure;
import org.openissuer.sdjwt.entity.IssuedSdJwt;
import org.openissuer.sdjwt.entity.SdJwtVcRequest;

/**
 * Issues SD-JWT VCs (draft-ietf-oauth-sd-jwt-vc over RFC 9901) signed with the active credential
 * key. Thread-safe: the signer, headers and JSON factory are made once and shared by all requests.
 */
public final class SdJwtVcIssuer {

    private static final JsonProvider PROVIDER = Jsonp.PROVIDER;
    private static final JsonBuilderFactory JSON = PROVIDER.createBuilderFactory(Map.of());

    private final ECDSASigner signer;
    private final Map<String, JWSHeader> headers;
    private final Clock clock;
    private final int decoysPerObject;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param x5c the signing key's certificate chain for the header (RFC 7515 §4.1.6, leaf first), or
     *            empty for none
     */
    public SdJwtVcIssuer(ECKey activeSigningKey, List<Base64> x5c, Clock clock, int decoysPerObject) {
        Objects.requireNonNull(activeSigningKey, "activeSigningKey");
        Objects.requireNonNull(x5c, "x5c");
        if (!Curve.P_256.equals(activeSigningKey.getCurve()) || !activeSigningKey.isPrivate()
                || activeSigningKey.getKeyID() == null) {
            throw new IllegalArgumentException("the signing key must be a private P-256 key with a kid");
        }
        if (decoysPerObject < 0) {
            throw new IllegalArgumentException("decoysPerObject must not be negative");
        }
        try {
            this.signer = JwsCrypto.signer(activeSigningKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable signing key: " + e.getMessage(), e);
        }
        // SD-JWT VC §3.2.1: typ, plus kid so verifiers find the key in the issuer's JWKS across rotations
        this.headers = Map.of(SdJwtVcRequest.TYP_DC_SD_JWT, header(SdJwtVcRequest.TYP_DC_SD_JWT, activeSigningKey, x5c),
                SdJwtVcRequest.TYP_VC_SD_JWT, header(SdJwtVcRequest.TYP_VC_SD_JWT, activeSigningKey, x5c));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decoysPerObject = decoysPerObject;
    }

    /**
     * @throws IssuerException CREDENTIAL_REQUEST_DENIED when the subject data lacks a mandatory claim or has none at all
     */
    public IssuedSdJwt issue(SdJwtVcRequest request) {
        ClaimTree tree = ClaimTree.of(request.claims());
        ClaimEncoder encoder = new ClaimEncoder(JSON, random, decoysPerObject);
        JsonObject claims = encoder.encode(request.subjectData(), tree);
        request.claims().stream().filter(c -> c.mandatory() && !encoder.isPresent(c)).findFirst().ifPresent(c -> {
            // OID4VCI 1.0 Appendix B.2: a mandatory claim is always in the credential
            throw new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED,
                    "subject data lacks mandatory claim " + ClaimTree.label(c));
        });
        if (encoder.isEmpty()) {
            throw new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED, "no data for any claim of the configuration");
        }

        long iat = clock.instant().getEpochSecond();
        JsonObjectBuilder payload = JSON.createObjectBuilder()
                .add("iss", request.issuer())
                .add("vct", request.vct())
                .add("iat", iat)
                .add("exp", iat + request.validity().getSeconds())
                // SD-JWT VC §3.2.2.2, RFC 7800 §3.2: the key the holder proved; toPublicJWK drops any private part
                .add("cnf", JSON.createObjectBuilder().add("jwk", toJson(request.holderKey().toPublicJWK().toJSONObject())));
        if (request.status() != null) {
            // SD-JWT VC §3.2.2.2: status is never selectively disclosable
            payload.add("status", request.status());
        }
        // ClaimTree refuses registered names, so subject data cannot override the members above
        claims.forEach(payload::add);
        payload.add("_sd_alg", Disclosure.HASH_ALGORITHM); // RFC 9901 §4.1.1

        JWSObject jwt = new JWSObject(headers.get(request.typ()), new Payload(payload.build().toString()));
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the credential failed", e);
        }
        // RFC 9901 §4: <issuer-signed JWT>~<disclosure>~...~ with no key binding JWT after the last ~
        StringBuilder serialized = new StringBuilder(jwt.serialize()).append('~');
        for (Disclosure disclosure : encoder.disclosures()) {
            serialized.append(disclosure.encoded()).append('~');
        }
        String sdJwt = serialized.toString();
        String digestHex = HexFormat.of().formatHex(Disclosure.sha256().digest(sdJwt.getBytes(StandardCharsets.US_ASCII)));
        List<String> disclosed = request.claims().stream().filter(encoder::isPresent).map(ClaimTree::label).toList();
        return new IssuedSdJwt(sdJwt, digestHex, disclosed);
    }

    private static JWSHeader header(String typ, ECKey key, List<Base64> x5c) {
        JWSHeader.Builder header = new JWSHeader.Builder(SigningKeys.ALGORITHM).type(new JOSEObjectType(typ))
                .keyID(key.getKeyID());
        // SD-JWT VC §3.5: with x5c, a verifier may take the key from the certificate its trust list anchors
        return (x5c.isEmpty() ? header : header.x509CertChain(List.copyOf(x5c))).build();
    }

    /** A Nimbus JSON map (a JWK's members) as jakarta.json, keeping numbers as numbers. */
    private static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        } else if (value instanceof List<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            list.forEach(v -> array.add(toJson(v)));
            return array.build();
        } else if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Number n) {
            return PROVIDER.createValue(new BigDecimal(n.toString()));
        }
        return PROVIDER.createValue(value.toString());
    }
}
