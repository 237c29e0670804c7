package org.openissuer.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import org.openissuer.testsupport.IndependentSdJwt;
import org.openissuer.testsupport.MdocOffers;
import org.openissuer.testsupport.MdocVerifier;
import org.openissuer.testsupport.Wallet;

/**
 * Verifies the kept credentials after the measured phase, with Authlete's SD-JWT library against
 * the issuer's published keys: signature, every disclosure referenced, cnf.jwk = the client's
 * holder key, iss and vct; or, for mdocs, with {@link MdocVerifier} against the published root.
 */
final class SampleCheck {

    record Result(int verified, Map<String, Long> failures) {
    }

    private SampleCheck() {
    }

    static Result verify(List<LoadPhase.Sample> samples, HttpClient http, String issuer, boolean mdoc) throws Exception {
        JWKSet keys = publishedKeys(http, issuer);
        X509Certificate root = mdoc ? publishedRoot(http, issuer) : null;
        int verified = 0;
        Map<String, Long> failures = new TreeMap<>();
        for (LoadPhase.Sample sample : samples) {
            String problem = mdoc ? mdocProblem(sample, root) : problem(sample, keys, issuer);
            if (problem == null) {
                verified++;
            } else {
                failures.merge("verification: " + problem, 1L, Long::sum);
            }
        }
        return new Result(verified, failures);
    }

    private static String problem(LoadPhase.Sample sample, JWKSet keys, String issuer) {
        try {
            String credential = BenchClient.json(sample.responseBody()).getJsonArray("credentials").getJsonObject(0)
                    .getString("credential");
            IndependentSdJwt.Verified verified = IndependentSdJwt.verify(credential, keys);
            Map<String, Object> payload = verified.payload();
            if (!issuer.equals(payload.get("iss"))) {
                return "iss is " + payload.get("iss");
            }
            if (!Wallet.VCT.equals(payload.get("vct"))) {
                return "vct is " + payload.get("vct");
            }
            Object cnf = payload.get("cnf");
            if (!(cnf instanceof Map<?, ?> confirmation) || !(confirmation.get("jwk") instanceof Map<?, ?> jwk)) {
                return "no cnf.jwk";
            }
            @SuppressWarnings("unchecked")
            JWK bound = JWK.parse((Map<String, Object>) jwk);
            if (!bound.computeThumbprint().equals(sample.client().holderKey().computeThumbprint())) {
                return "cnf.jwk is not the client's holder key";
            }
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * An mdoc (ISO 18013-5) decoded with an independent CBOR library: every value digest, the COSE
     * signature by the x5chain leaf, the leaf issued by the published root, deviceKey = the client's key.
     */
    private static String mdocProblem(LoadPhase.Sample sample, X509Certificate root) {
        try {
            String credential = BenchClient.json(sample.responseBody()).getJsonArray("credentials").getJsonObject(0)
                    .getString("credential");
            MdocVerifier.Verified verified = MdocVerifier.verify(credential, sample.client().holderKey());
            if (!MdocOffers.MDL.equals(verified.docType())) {
                return "docType is " + verified.docType();
            }
            List<X509Certificate> chain = verified.x5chain();
            chain.get(chain.size() - 1).verify(root.getPublicKey());
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        } catch (GeneralSecurityException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static X509Certificate publishedRoot(HttpClient http, String issuer) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(get(http, issuer + "/certificates/iaca.pem").getBytes(StandardCharsets.US_ASCII)));
    }

    /** SD-JWT VC §4: the keys in jwt-vc-issuer metadata, inline or by jwks_uri. */
    private static JWKSet publishedKeys(HttpClient http, String issuer) throws Exception {
        JsonObject metadata = BenchClient.json(get(http, issuer + "/.well-known/jwt-vc-issuer"));
        if (metadata.containsKey("jwks")) {
            return JWKSet.parse(metadata.getJsonObject("jwks").toString());
        }
        return JWKSet.parse(get(http, metadata.getString("jwks_uri")));
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
