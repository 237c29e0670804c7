package org.openissuer.smoke;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;

import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.IndependentSdJwt;
import org.openissuer.testsupport.MdocVerifier;
import org.openissuer.testsupport.ProofJwt;

/**
 * One complete issuance against a running issuer, as its back office and a wallet would do it:
 * back-office offer, offer by reference, token (DPoP-bound), then nonce and credential for each
 * offered configuration; an SD-JWT VC's signature is verified with the key the issuer publishes at
 * {@code /.well-known/jwt-vc-issuer} and its {@code cnf.jwk} must be the wallet's key; an mdoc is
 * verified against the root at {@code /certificates/iaca.pem} and bound to the wallet's key.
 * Exits non-zero on the first step that fails, naming it. {@code bin/smoke-test} runs it; the
 * settings are system properties (see {@link SmokeSettings}).
 */
public final class SmokeIssuance {

    private static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private final SmokeSettings settings;
    private final SmokeHttp http;
    private final ECKey holder;

    SmokeIssuance(SmokeSettings settings) throws Exception {
        this.settings = settings;
        this.http = new SmokeHttp(settings.trust(), new ECKeyGenerator(Curve.P_256).generate());
        this.holder = new ECKeyGenerator(Curve.P_256).generate();
    }

    public static void main(String[] args) {
        try {
            SmokeSettings settings = SmokeSettings.fromSystemProperties();
            new SmokeIssuance(settings).run();
            System.out.println("[smoke] PASS: every offered credential issued by " + settings.issuer() + " and verified");
        } catch (SmokeFailure e) {
            System.out.println("[smoke] FAIL: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.out.println("[smoke] FAIL: " + e);
            System.exit(1);
        }
    }

    void run() throws Exception {
        String issuer = settings.issuer();
        Map<String, Object> metadata = http.getJson("issuer metadata", wellKnown("openid-credential-issuer"));
        expect(issuer.equals(metadata.get("credential_issuer")), "metadata names credential_issuer "
                + metadata.get("credential_issuer") + ", not " + issuer + " (is ISSUER_URL set to this address?)");
        String credentialEndpoint = (String) metadata.get("credential_endpoint");
        String nonceEndpoint = (String) metadata.get("nonce_endpoint");
        Map<String, Object> asMetadata = http.getJson("authorization server metadata", wellKnown("oauth-authorization-server"));
        String tokenEndpoint = (String) asMetadata.get("token_endpoint");
        step("metadata: credential " + credentialEndpoint + ", token " + tokenEndpoint);

        Map<String, Object> created = http.postJson("back-office offer", issuer + "/admin/credential-offers",
                settings.offer(), "Bearer " + adminToken(), 201);
        String offerUri = (String) created.get("credential_offer_uri");
        expect(offerUri != null && offerUri.startsWith("https://"), "the offer has no https credential_offer_uri: " + offerUri);
        step("offer created: " + created.get("id"));

        Map<String, Object> offer = http.getJson("offer by reference", URI.create(offerUri));
        String code = (String) JSONObjectUtils.getJSONObject(JSONObjectUtils.getJSONObject(offer, "grants"), PRE_AUTHORIZED_GRANT)
                .get("pre-authorized_code");
        List<String> configurations = JSONObjectUtils.getStringList(offer, "credential_configuration_ids");
        step("offer fetched by reference: " + String.join(", ", configurations));

        Map<String, Object> token = http.token(tokenEndpoint, "grant_type=" + SmokeHttp.form(PRE_AUTHORIZED_GRANT)
                + "&pre-authorized_code=" + SmokeHttp.form(code));
        String accessToken = (String) token.get("access_token");
        expect("DPoP".equals(token.get("token_type")), "token_type is " + token.get("token_type") + ", not DPoP");
        step("token redeemed: " + token.get("token_type") + ", expires in " + token.get("expires_in") + " s");

        Map<String, Object> supported = JSONObjectUtils.getJSONObject(metadata, "credential_configurations_supported");
        for (String configuration : configurations) {
            String nonce = (String) http.postJson("nonce", nonceEndpoint, "", null, 200).get("c_nonce");
            expect(nonce != null, "no c_nonce from the nonce endpoint");
            step("nonce fetched");

            String proof = ProofJwt.signedBy(holder).audience(issuer).nonce(nonce).build();
            String request = "{" + credentialTarget(token, configuration) + ", \"proofs\": {\"jwt\": [\"" + proof + "\"]}}";
            Map<String, Object> response = http.credential(credentialEndpoint, request, accessToken);
            List<Object> credentials = JSONObjectUtils.getJSONArray(response, "credentials");
            expect(credentials != null && credentials.size() == 1, "expected one credential, got " + response.keySet());
            String credential = (String) ((Map<?, ?>) credentials.get(0)).get("credential");
            step(configuration + " received: " + credential.length() + " characters");

            if ("mso_mdoc".equals(JSONObjectUtils.getJSONObject(supported, configuration).get("format"))) {
                verifyMdoc(credential);
            } else {
                verify(credential);
            }
        }
    }

    /** ISO 18013-5: value digests, the COSE signature, the chain up to the published root, the wallet's device key. */
    private void verifyMdoc(String credential) throws Exception {
        String pem = http.getText("published root", URI.create(settings.issuer() + "/certificates/iaca.pem"));
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        MdocVerifier.Verified verified;
        try {
            verified = MdocVerifier.verify(credential, holder);
            List<X509Certificate> chain = verified.x5chain();
            chain.get(chain.size() - 1).verify(root.getPublicKey());
        } catch (AssertionError | GeneralSecurityException e) {
            throw new SmokeFailure("mdoc: " + e.getMessage());
        }
        step("mdoc " + verified.docType() + " verified against the root at /certificates/iaca.pem; bound to the wallet's key;"
                + " elements " + verified.elements().values().stream().flatMap(e -> e.keySet().stream()).toList());
    }

    private void verify(String credential) throws Exception {
        Map<String, Object> jwtVcIssuer = http.getJson("jwt-vc-issuer metadata", wellKnown("jwt-vc-issuer"));
        JWKSet keys = JWKSet.parse(JSONObjectUtils.getJSONObject(jwtVcIssuer, "jwks"));
        IndependentSdJwt.Verified verified;
        try {
            verified = IndependentSdJwt.verify(credential, keys);
        } catch (AssertionError e) {
            throw new SmokeFailure("credential: " + e.getMessage());
        }
        expect(settings.issuer().equals(verified.payload().get("iss")), "the credential's iss is " + verified.payload().get("iss"));
        Map<String, Object> cnf = JSONObjectUtils.getJSONObject(verified.payload(), "cnf");
        JWK bound = JWK.parse(JSONObjectUtils.getJSONObject(cnf, "jwk"));
        expect(bound.computeThumbprint().equals(holder.computeThumbprint()), "cnf.jwk is not the wallet's key");
        step("signature verified with published key " + verified.jwt().getHeader().getKeyID()
                + "; bound to the wallet's key; vct " + verified.payload().get("vct")
                + "; claims " + verified.disclosed().keySet());
    }

    /** OID4VCI 1.0 §8.2: credential_identifier when the token named identifiers, else the configuration id. */
    private static String credentialTarget(Map<String, Object> token, String configuration) throws ParseException {
        List<Object> details = JSONObjectUtils.getJSONArray(token, "authorization_details");
        if (details != null) {
            for (Object detail : details) {
                Map<?, ?> entry = (Map<?, ?>) detail;
                if (configuration.equals(entry.get("credential_configuration_id")) && entry.get("credential_identifiers") instanceof List<?> ids
                        && !ids.isEmpty()) {
                    return "\"credential_identifier\": \"" + ids.get(0) + "\"";
                }
            }
        }
        return "\"credential_configuration_id\": \"" + configuration + "\"";
    }

    /** The well-known URI with the issuer's path appended after it (RFC 8414 §3.1, OID4VCI 1.0 §12.2.2). */
    private URI wellKnown(String name) {
        URI issuer = URI.create(settings.issuer());
        String path = Objects.requireNonNullElse(issuer.getRawPath(), "");
        return issuer.resolve("/.well-known/" + name + path);
    }

    private String adminToken() throws Exception {
        if (settings.adminToken() != null) {
            return settings.adminToken();
        }
        ECKey key = ECKey.parse(Files.readString(settings.adminKey(), StandardCharsets.UTF_8));
        return AdminTokens.token().signedBy(key).issuer(settings.adminIssuer()).groups(settings.adminGroup()).build();
    }

    private static void step(String message) {
        System.out.println("[smoke] ok: " + message);
    }

    static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new SmokeFailure(failure);
        }
    }

    static final class SmokeFailure extends RuntimeException {
        SmokeFailure(String message) {
            super(message);
        }
    }
}
