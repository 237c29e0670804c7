package org.openissuer.sdjwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.authlete.sd.Disclosure;
import com.authlete.sd.SDJWT;
import com.authlete.sd.SDObjectDecoder;
import com.google.gson.Gson;

/**
 * Reads an issued SD-JWT with code that did not write it: Authlete's SD-JWT library (Gson inside)
 * for parsing, digests and decoding, and the JDK for the ES256 signature.
 */
final class IndependentVerifier {

    // Gson comes with Authlete's library, which decodes with it too: no JSON code of the issuer involved
    private static final Gson GSON = new Gson();

    record Verified(Map<String, Object> header, Map<String, Object> payload, List<Disclosure> disclosures,
            Map<String, Object> claims) {

        Disclosure disclosureNamed(String name) {
            return disclosures.stream().filter(d -> name.equals(d.getClaimName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no disclosure for " + name));
        }
    }

    private IndependentVerifier() {
    }

    static Verified verify(String serialized, PublicKey issuerKey) {
        assertTrue(serialized.endsWith("~"), "an SD-JWT without key binding ends with ~ (RFC 9901 §4)");
        SDJWT sdJwt = SDJWT.parse(serialized);
        assertNull(sdJwt.getBindingJwt(), "no key binding JWT");
        String[] jws = sdJwt.getCredentialJwt().split("\\.");
        assertEquals(3, jws.length, "compact JWS");
        assertTrue(signatureValid(jws, issuerKey), "ES256 signature verifies with the issuer's public key");
        Map<String, Object> header = jsonObject(jws[0]);
        Map<String, Object> payload = jsonObject(jws[1]);
        assertEquals("sha-256", payload.get("_sd_alg"));
        assertEveryDigestOnce(payload, sdJwt.getDisclosures());
        Map<String, Object> claims = new SDObjectDecoder().decode(payload, sdJwt.getDisclosures());
        return new Verified(header, payload, sdJwt.getDisclosures(), claims);
    }

    /** RFC 9901 §7.1: every disclosure's digest is referenced exactly once, in the payload or another disclosure. */
    static void assertEveryDigestOnce(Map<String, Object> payload, List<Disclosure> disclosures) {
        List<String> referenced = new ArrayList<>();
        collectDigests(payload, referenced);
        disclosures.forEach(d -> collectDigests(d.getClaimValue(), referenced));
        Map<String, Integer> counts = new HashMap<>();
        referenced.forEach(d -> counts.merge(d, 1, Integer::sum));
        for (Disclosure disclosure : disclosures) {
            assertEquals(1, counts.getOrDefault(disclosure.digest(), 0), "digest of " + disclosure.getJson());
        }
    }

    static Map<String, Object> jsonObject(String base64url) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = GSON.fromJson(
                new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8), Map.class);
        return map;
    }

    /** Numbers as BigDecimals without trailing zeros, maps sorted: Gson's 42.0 and JSON-P's 42 compare equal. */
    static Object canonical(Object value) {
        if (value instanceof JsonValue json) {
            return canonicalJson(json);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        } else if (value instanceof List<?> list) {
            return list.stream().map(IndependentVerifier::canonical).toList();
        } else if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return value;
    }

    private static Object canonicalJson(JsonValue json) {
        return switch (json.getValueType()) {
            case OBJECT -> canonical(new TreeMap<>(json.asJsonObject()));
            case ARRAY -> json.asJsonArray().stream().map(IndependentVerifier::canonical).toList();
            case STRING -> ((JsonString) json).getString();
            case NUMBER -> ((JsonNumber) json).bigDecimalValue().stripTrailingZeros();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static boolean signatureValid(String[] jws, PublicKey key) {
        try {
            // RFC 7518 §3.4: the JWS signature is R || S, which the JDK reads in its P1363 format
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(jws[2]));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static void collectDigests(Object value, List<String> into) {
        walk(value, map -> {
            if (map.get("_sd") instanceof List<?> sd) {
                sd.forEach(d -> into.add((String) d));
            }
            if (map.size() == 1 && map.get("...") instanceof String digest) {
                into.add(digest);
            }
        });
    }

    private static void walk(Object value, Consumer<Map<?, ?>> visit) {
        if (value instanceof Map<?, ?> map) {
            visit.accept(map);
            map.values().forEach(v -> walk(v, visit));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> walk(v, visit));
        }
    }
}
