package org.openissuer.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;

/**
 * An mdoc checker written apart from the issuer: Jackson's CBOR parser instead of the issuer's
 * upokecenter CBOR, the COSE_Sign1 Sig_structure (RFC 9052 §4.4) rebuilt here by
 * hand and verified with the JDK. Checks IssuerSigned as ISO/IEC 18013-5:2021 §8.3.2.1.2.2 and
 * §9.1.2.4 define it; any violation is an {@link AssertionError}. Verified against the
 * standard's own Annex D example (MdocVerifierTest).
 */
public final class MdocVerifier {

    private static final CBORFactory CBOR = new CBORFactory();
    private static final byte[] PROTECTED_ES256 = {(byte) 0xA1, 0x01, 0x26}; // {1: -7}

    /** A CBOR tag and its content: full-date comes out as Tagged(1004, "YYYY-MM-DD"). */
    public record Tagged(long tag, Object value) {
    }

    /** One IssuerSignedItem as found, in the order the namespace's array had it. */
    public record Item(String identifier, long digestId, byte[] random, Object value) {
    }

    public record Verified(String docType, Map<String, List<Item>> items, Map<String, Map<Long, byte[]>> valueDigests,
            Map<String, Object> deviceKey, List<X509Certificate> x5chain, boolean x5chainIsArray,
            Instant signed, Instant validFrom, Instant validUntil, Map<String, Object> mso) {

        /** namespace → element → decoded value (tags kept as {@link Tagged}). */
        public Map<String, Map<String, Object>> elements() {
            Map<String, Map<String, Object>> elements = new LinkedHashMap<>();
            items.forEach((ns, list) -> list.forEach(item ->
                    elements.computeIfAbsent(ns, n -> new LinkedHashMap<>()).put(item.identifier(), item.value())));
            return elements;
        }
    }

    private MdocVerifier() {
    }

    /** The credential as the issuer hands it out: base64url of the CBOR IssuerSigned. */
    public static Verified verify(String serialized, JWK holder) {
        byte[] raw = Base64.getUrlDecoder().decode(serialized);
        return verifyIssuerSigned(raw, map(decode(raw)), holder);
    }

    /**
     * @param raw          the bytes the structure was decoded from (every item's exact bytes are found there)
     * @param holder       the expected device key, or null not to compare it
     */
    public static Verified verifyIssuerSigned(byte[] raw, Map<String, Object> issuerSigned, JWK holder) {
        List<Object> cose = list(issuerSigned.get("issuerAuth"));
        check(cose.size() == 4, "issuerAuth is a COSE_Sign1 of four members");
        byte[] protectedHeader = bytes(cose.get(0));
        check(Arrays.equals(protectedHeader, PROTECTED_ES256), "protected header is exactly {1: -7} (ES256)");
        Map<String, Object> unprotected = map(cose.get(1));
        Object x5chainValue = unprotected.get("33");
        check(x5chainValue != null, "x5chain (33) in the unprotected header");
        List<X509Certificate> chain = certificates(x5chainValue);
        byte[] payload = bytes(cose.get(2));
        byte[] signature = bytes(cose.get(3));
        check(signature.length == 64, "ES256 signature is r||s, 64 bytes");
        verifySignature(chain.get(0), protectedHeader, payload, signature);

        Tagged msoBytes = tagged(decode(payload));
        check(msoBytes.tag() == 24, "MobileSecurityObjectBytes carries tag 24");
        Map<String, Object> mso = map(decode(bytes(msoBytes.value())));
        check("1.0".equals(mso.get("version")), "MSO version 1.0");
        check("SHA-256".equals(mso.get("digestAlgorithm")), "MSO digestAlgorithm SHA-256");
        String docType = (String) mso.get("docType");
        check(docType != null && !docType.isEmpty(), "MSO docType");
        Map<String, Object> validity = map(mso.get("validityInfo"));
        Instant signed = tdate(validity.get("signed"));
        Instant validFrom = tdate(validity.get("validFrom"));
        Instant validUntil = tdate(validity.get("validUntil"));
        check(!signed.isAfter(validFrom) && validFrom.isBefore(validUntil), "signed <= validFrom < validUntil");
        Map<String, Object> deviceKey = map(map(mso.get("deviceKeyInfo")).get("deviceKey"));
        if (holder != null) {
            check(coseKey(holder).equals(deviceKey), "deviceKey is the holder's key");
        }

        Map<String, Map<Long, byte[]>> valueDigests = new LinkedHashMap<>();
        map(mso.get("valueDigests")).forEach((ns, digests) -> {
            Map<Long, byte[]> byId = new LinkedHashMap<>();
            map(digests).forEach((id, digest) -> byId.put(Long.parseLong(id), bytes(digest)));
            valueDigests.put(ns, byId);
        });

        Map<String, List<Item>> items = new LinkedHashMap<>();
        map(issuerSigned.get("nameSpaces")).forEach((ns, array) -> {
            Map<Long, byte[]> digests = valueDigests.get(ns);
            check(digests != null, "valueDigests has namespace " + ns);
            Set<Long> ids = new HashSet<>();
            List<Item> found = new ArrayList<>();
            for (Object element : list(array)) {
                Tagged itemBytes = tagged(element);
                check(itemBytes.tag() == 24, "IssuerSignedItemBytes carries tag 24");
                byte[] encoded = taggedBstr(bytes(itemBytes.value()));
                check(indexOf(raw, encoded) >= 0, "item bytes as sent (tag 24, shortest length)");
                Map<String, Object> item = map(decode(bytes(itemBytes.value())));
                long digestId = ((Number) item.get("digestID")).longValue();
                check(digestId >= 0 && ids.add(digestId), "digestID unique and unsigned in " + ns);
                byte[] random = bytes(item.get("random"));
                check(random.length >= 16, "random of at least 16 bytes");
                check(item.get("elementIdentifier") instanceof String, "elementIdentifier is a tstr");
                check(item.containsKey("elementValue"), "elementValue present");
                check(Arrays.equals(sha256(encoded), digests.get(digestId)),
                        "SHA-256 of the tagged item is the MSO digest " + ns + "/" + digestId);
                found.add(new Item((String) item.get("elementIdentifier"), digestId, random, item.get("elementValue")));
            }
            items.put(ns, found);
        });
        return new Verified(docType, items, valueDigests, deviceKey, chain, x5chainValue instanceof List,
                signed, validFrom, validUntil, mso);
    }

    /** Any CBOR, decoded with Jackson: maps with string keys (integers as their decimal text), byte[], Tagged. */
    public static Object decode(byte[] cbor) {
        try (CBORParser parser = CBOR.createParser(new ByteArrayInputStream(cbor))) {
            Object value = read(parser, parser.nextToken());
            check(parser.nextToken() == null, "one data item, nothing after it");
            return value;
        } catch (IOException e) {
            throw new AssertionError("not CBOR: " + e.getMessage(), e);
        }
    }

    private static Object read(CBORParser parser, JsonToken token) throws IOException {
        int tag = parser.getCurrentTag();
        Object value = switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    check(!map.containsKey(key), "no duplicate map key " + key);
                    map.put(key, read(parser, parser.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(read(parser, next));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == com.fasterxml.jackson.core.JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case VALUE_EMBEDDED_OBJECT -> parser.getBinaryValue();
            default -> throw new AssertionError("unexpected CBOR token " + token);
        };
        return tag >= 0 ? new Tagged(tag, value) : value;
    }

    /** The COSE_Key a JWK should become (RFC 9053 §7), as {@link #decode} represents it. */
    public static Map<String, Object> coseKey(JWK jwk) {
        Map<String, Object> key = new LinkedHashMap<>();
        if (jwk instanceof ECKey ec) {
            key.put("1", 2L);
            key.put("-1", switch (ec.getCurve().getName()) {
                case "P-256" -> 1L;
                case "P-384" -> 2L;
                case "P-521" -> 3L;
                default -> throw new AssertionError("curve " + ec.getCurve());
            });
            key.put("-2", ec.getX().decode());
            key.put("-3", ec.getY().decode());
        } else if (jwk instanceof OctetKeyPair okp) {
            key.put("1", 1L);
            key.put("-1", 6L);
            key.put("-2", okp.getDecodedX());
        }
        return new ByteArraysEqual(key);
    }

    private static void verifySignature(X509Certificate leaf, byte[] protectedHeader, byte[] payload, byte[] signature) {
        // RFC 9052 §4.4: Sig_structure = ["Signature1", body_protected, external_aad (empty), payload]
        ByteArrayOutputStream structure = new ByteArrayOutputStream();
        structure.write(0x84);
        byte[] context = "Signature1".getBytes(StandardCharsets.US_ASCII);
        head(structure, 3, context.length);
        structure.writeBytes(context);
        head(structure, 2, protectedHeader.length);
        structure.writeBytes(protectedHeader);
        head(structure, 2, 0);
        head(structure, 2, payload.length);
        structure.writeBytes(payload);
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(structure.toByteArray());
            check(verifier.verify(signature), "issuerAuth signature verifies with the x5chain leaf");
        } catch (GeneralSecurityException e) {
            throw new AssertionError("issuerAuth signature: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(Object x5chain) {
        List<Object> encoded = x5chain instanceof List<?> list ? new ArrayList<>(list) : List.of(x5chain);
        check(!encoded.isEmpty(), "x5chain not empty");
        if (x5chain instanceof List<?>) {
            check(encoded.size() > 1, "RFC 9360: one certificate is a bstr, not an array");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Object certificate : encoded) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes(certificate))));
            }
        } catch (GeneralSecurityException e) {
            throw new AssertionError("x5chain is not X.509: " + e.getMessage(), e);
        }
        return chain;
    }

    private static Instant tdate(Object value) {
        Tagged tagged = tagged(value);
        check(tagged.tag() == 0 && tagged.value() instanceof String, "tdate is tag 0 on a string");
        String text = (String) tagged.value();
        check(text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), "tdate in UTC without fractions: " + text);
        return Instant.parse(text);
    }

    private static byte[] taggedBstr(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xD8);
        out.write(24);
        head(out, 2, content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** RFC 8949 §3: the shortest head for a major type and argument. */
    private static void head(ByteArrayOutputStream out, int majorType, long argument) {
        int major = majorType << 5;
        if (argument < 24) {
            out.write(major | (int) argument);
        } else {
            int bytes = argument < 0x100 ? 1 : argument < 0x10000 ? 2 : argument < 0x100000000L ? 4 : 8;
            out.write(major | (24 + Integer.numberOfTrailingZeros(bytes)));
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((int) (argument >>> (8 * i)) & 0xFF);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        check(value instanceof Map, "a map is expected, found " + describe(value));
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        check(value instanceof List, "an array is expected, found " + describe(value));
        return (List<Object>) value;
    }

    public static byte[] bytes(Object value) {
        check(value instanceof byte[], "a bstr is expected, found " + describe(value));
        return (byte[]) value;
    }

    public static Tagged tagged(Object value) {
        check(value instanceof Tagged, "a tagged item is expected, found " + describe(value));
        return (Tagged) value;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static void check(boolean condition, String rule) {
        if (!condition) {
            throw new AssertionError("mdoc: " + rule);
        }
    }

    /** A map whose equals compares byte[] values by content (COSE_Key coordinates). */
    private static final class ByteArraysEqual extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        ByteArraysEqual(Map<String, Object> map) {
            super(map);
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Map<?, ?> map) || map.size() != size()) {
                return false;
            }
            return entrySet().stream().allMatch(e -> e.getValue() instanceof byte[] b
                    ? map.get(e.getKey()) instanceof byte[] o && Arrays.equals(b, o)
                    : Objects.equals(e.getValue(), map.get(e.getKey())));
        }

        @Override
        public int hashCode() {
            return keySet().hashCode();
        }
    }
}
