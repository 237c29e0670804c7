package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.nimbusds.jose.jwk.ECKey;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedJson;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.DPoPWallet;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Mutations;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.RawJws;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.testsupport.Wallet;

/**
 * Mutated JSON, JWTs, paths and headers against every endpoint: never a 5xx, every error the
 * envelope with Cache-Control: no-store, no answer slower than the bound, no credential from a
 * request that differs from a valid one. -Dfuzz.tries and -Dfuzz.seed (a number or random).
 */
@IssuerIT
class FuzzIT {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final int TARGETS = 9;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private final ECKey holder = TestKeys.p256WithoutKid();
    private final DPoPWallet dpop = DPoPWallet.forIssuerUnderTest();

    @Test
    void mutatedRequestsNeverBreakTheEnvelope() {
        String seedProperty = System.getProperty("fuzz.seed", "20261201");
        long seed = "random".equals(seedProperty) ? System.nanoTime() : Long.parseLong(seedProperty);
        int tries = Integer.parseInt(System.getProperty("fuzz.tries", "270"));
        System.out.println("FuzzIT: seed " + seed + ", " + tries + " tries (repeat with -Dfuzz.seed=" + seed + ")");
        Mutations m = new Mutations(seed);
        String code = Offers.code(Offers.create("fuzz-" + UUID.randomUUID(), null));
        for (int i = 0; i < tries; i++) {
            int target = i % TARGETS;
            try {
                run(target, m, code);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", try " + i + ", target " + target + ": " + e.getMessage(), e);
            }
        }
    }

    private void run(int target, Mutations m, String code) {
        switch (target) {
            case 0 -> {
                String original = Wallet.request(Wallet.nonce(), List.of(holder)).toString();
                String mutated = m.mutate(original);
                HttpResponse<String> r = timed(() -> Wallet.post(freshToken(), mutated));
                assertEnvelope(r);
                assertIssuedOnlyIfSame(r, original, mutated);
            }
            case 1 -> {
                String payload = "{\"aud\":\"" + Http.base() + "\",\"nonce\":\"" + Wallet.nonce() + "\",\"iat\":"
                        + System.currentTimeMillis() / 1000 + "}";
                String header = "{\"alg\":\"ES256\",\"typ\":\"openid4vci-proof+jwt\",\"jwk\":" + RawJws.publicJwk(holder) + "}";
                boolean inHeader = m.next(2) == 0;
                String mutated = m.mutate(inHeader ? header : payload);
                String proof = inHeader ? RawJws.es256(holder, mutated, payload) : RawJws.es256(holder, header, mutated);
                String body = "{\"credential_configuration_id\":\"" + Wallet.CONFIGURATION + "\",\"proofs\":{\"jwt\":[\"" + proof + "\"]}}";
                HttpResponse<String> r = timed(() -> Wallet.post(freshToken(), body));
                assertEnvelope(r);
                assertIssuedOnlyIfSame(r, inHeader ? header : payload, mutated);
            }
            case 2 -> {
                String token = m.mutate(freshToken());
                HttpResponse<String> r = timed(() -> Wallet.post(headerSafe(token), Wallet.request(Wallet.nonce(), List.of(holder))));
                assertEnvelope(r);
            }
            case 3 -> {
                String payload = "{\"jti\":\"" + UUID.randomUUID() + "\",\"htm\":\"POST\",\"htu\":\"" + Http.base()
                        + "/oid4vci/token\",\"iat\":" + System.currentTimeMillis() / 1000 + "}";
                String header = "{\"alg\":\"ES256\",\"typ\":\"dpop+jwt\",\"jwk\":" + RawJws.publicJwk(dpop.key()) + "}";
                String proof = m.next(2) == 0 ? RawJws.es256(dpop.key(), m.mutate(header), payload)
                        : RawJws.es256(dpop.key(), header, m.mutate(payload));
                assertEnvelope(timed(() -> DPoPWallet.token(Http.base(), "x" + code, proof)));
            }
            case 4 -> {
                String form = m.mutate(DPoPWallet.form("x" + code));
                assertEnvelope(timed(() -> Http.post("/oid4vci/token", form, "Content-Type", "application/x-www-form-urlencoded")));
            }
            case 5 -> {
                String offer = m.mutate(Offers.identityOffer("fuzz", null));
                assertEnvelope(timed(() -> Offers.post(offer)));
            }
            case 6 -> {
                String token = headerSafe(m.mutate(AdminTokens.admin()));
                assertEnvelope(timed(() -> Http.post("/admin/credential-offers", Offers.identityOffer("fuzz", null),
                        "Content-Type", "application/json", "Authorization", "Bearer " + token)));
            }
            case 7 -> {
                String id = URLEncoder.encode(m.mutate("WLZ4duQ22sqG7Kpb2wh1x6kV8WBcWNX6lIsR7JXHR-c"), StandardCharsets.UTF_8);
                assertEnvelope(timed(() -> Http.get("/oid4vci/credential-offers/" + id)));
            }
            default -> {
                String value = headerSafe(m.mutate("application/json; charset=utf-8"));
                String requestId = headerSafe(m.mutate(UUID.randomUUID().toString()));
                HttpResponse<String> r = timed(() -> Http.post("/oid4vci/nonce", "", "Content-Type", value.isEmpty() ? "x/y" : value,
                        "X-Request-Id", requestId.isEmpty() ? "-" : requestId, "Accept", value.isEmpty() ? "*/*" : value));
                assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
            }
        }
    }

    private static String freshToken() {
        return AccessTokenJwt.forSubject("fuzz-" + UUID.randomUUID()).build();
    }

    // the client refuses to send control characters in a header: keep the visible ones
    private static String headerSafe(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().filter(c -> c > 0x20 && c < 0x7f).forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(BOUND) < 0, "took " + took.toMillis() + " ms");
        return response;
    }

    static void assertEnvelope(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
        if (r.statusCode() == 400 && (r.body().isEmpty() || r.body().startsWith("<H1>CWWWC0005I"))) {
            // Liberty's channel refuses an oversized header or a path with %00 itself (docs/security.md, "Limits of the HTTP channel")
            assertTrue(r.body().length() < 300, r.body());
            return;
        }
        if (r.statusCode() >= 400) {
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), r.body());
            JsonValue body;
            try {
                body = BoundedJson.value(r.body(), IssuerError.INVALID_REQUEST);
            } catch (IssuerException e) {
                throw new AssertionError("not the JSON envelope: " + r.statusCode() + " " + r.headers().map() + " " + r.body());
            }
            assertTrue(body.asJsonObject().getString("error", "").matches("[a-z_]+"), r.body());
        }
    }

    // a credential (or deferral) only for a mutation that left the JSON as it was
    private static void assertIssuedOnlyIfSame(HttpResponse<String> r, String original, String mutated) {
        if (r.statusCode() != 200 && r.statusCode() != 202) {
            return;
        }
        try {
            JsonValue before = comparable(BoundedJson.value(original, IssuerError.INVALID_REQUEST), null);
            if (!comparable(BoundedJson.value(mutated, IssuerError.INVALID_REQUEST), before).equals(before)) {
                fail("issued from a mutated request: " + mutated);
            }
        } catch (IssuerException e) {
            fail("issued from a request that is not strict JSON: " + mutated);
        }
    }

    /**
     * What the issuer may ignore is not a mutation: a member the original did not have (OID4VCI 1.0 §8.2,
     * RFC 7519 §4: unknown parameters and claims are ignored) and the case of typ (a media type, RFC 7515 §4.1.9).
     */
    private static JsonValue comparable(JsonValue value, JsonValue original) {
        if (!(value instanceof JsonObject object)) {
            return value;
        }
        JsonObjectBuilder kept = Json.createObjectBuilder();
        object.forEach((name, member) -> {
            if (original == null || original.asJsonObject().containsKey(name)) {
                kept.add(name, "typ".equals(name) && member instanceof JsonString typ
                        ? Json.createValue(typ.getString().toLowerCase(Locale.ROOT)) : member);
            }
        });
        return kept.build();
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
