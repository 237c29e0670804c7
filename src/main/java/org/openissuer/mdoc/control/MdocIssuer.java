package org.openissuer.mdoc.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.ECKey;
import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.mdoc.entity.ElementValueException;
import org.openissuer.mdoc.entity.IssuedMdoc;
import org.openissuer.mdoc.entity.MdocElement;
import org.openissuer.mdoc.entity.MdocRequest;

/**
 * Issues mso_mdoc credentials (OID4VCI 1.0 Appendix A.2): the IssuerSigned structure of
 * ISO/IEC 18013-5:2021 §8.3.2.1.2.2, its MobileSecurityObject (§9.1.2.4) signed in issuerAuth.
 * Thread-safe.
 */
public final class MdocIssuer {

    private static final SecureRandom RANDOM = new SecureRandom();
    // ISO 18013-5 §9.1.2.5: at least 16 bytes of random per item
    private static final int RANDOM_BYTES = 32;
    /*
     * Definite lengths and shortest heads (RFC 8949 §4.2.1) are what the library writes; its maps
     * keep their keys sorted. Not CTAP2 canonical: that mode refuses more than four levels of
     * nesting (driving_privileges has five) and CBOR tags.
     */
    private static final CBOREncodeOptions ENCODING = CBOREncodeOptions.Default;

    private final IssuerAuth issuerAuth;
    private final Clock clock;

    /**
     * @param signingKey the document signer's private P-256 key (ES256)
     * @param x5chain    its certificate first, then intermediates; never the trust anchor (IACA)
     */
    public MdocIssuer(ECKey signingKey, List<X509Certificate> x5chain, Clock clock) {
        this.issuerAuth = new IssuerAuth(signingKey, List.copyOf(x5chain));
        this.clock = clock;
    }

    public IssuedMdoc issue(MdocRequest request) {
        Map<String, Map<String, CBORObject>> values = values(request);
        CBORObject deviceKey = CoseKeys.of(request.holderKey().toPublicJWK());

        CBORObject nameSpaces = CBORObject.NewMap();
        CBORObject valueDigests = CBORObject.NewMap();
        values.forEach((namespace, elements) -> {
            CBORObject items = CBORObject.NewArray();
            CBORObject digests = CBORObject.NewMap();
            // in digest ID order, which is a random permutation of the configuration's order
            List<CBORObject> tagged = signedItems(elements);
            for (int digestId = 0; digestId < tagged.size(); digestId++) {
                // ISO 18013-5 §9.1.2.5: the digest is over the tagged IssuerSignedItemBytes as sent
                digests.Add(digestId, sha256(tagged.get(digestId).EncodeToBytes(ENCODING)));
                items.Add(tagged.get(digestId));
            }
            nameSpaces.Add(namespace, items);
            valueDigests.Add(namespace, digests);
        });

        CBORObject mso = mobileSecurityObject(request, valueDigests, deviceKey);
        // MobileSecurityObjectBytes = #6.24(bstr .cbor MobileSecurityObject)
        byte[] payload = CBORObject.FromObjectAndTag(mso.EncodeToBytes(ENCODING), 24).EncodeToBytes(ENCODING);

        CBORObject issuerSigned = CBORObject.NewMap();
        issuerSigned.Add("nameSpaces", nameSpaces);
        issuerSigned.Add("issuerAuth", issuerAuth.sign(payload));
        byte[] encoded = issuerSigned.EncodeToBytes(ENCODING);

        List<String> disclosed = new ArrayList<>();
        for (MdocElement element : request.elements()) {
            if (values.getOrDefault(element.namespace(), Map.of()).containsKey(element.identifier())) {
                disclosed.add(element.path());
            }
        }
        return new IssuedMdoc(Base64.getUrlEncoder().withoutPadding().encodeToString(encoded),
                HexFormat.of().formatHex(sha256(encoded)), disclosed);
    }

    /** The declared elements' values by namespace, in configuration order; data nobody declared stays out. */
    private static Map<String, Map<String, CBORObject>> values(MdocRequest request) {
        Map<String, Map<String, CBORObject>> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (MdocElement element : request.elements()) {
            if (!seen.add(element.path())) {
                throw new IllegalArgumentException("element declared twice: " + element.path());
            }
            JsonValue namespace = request.data().get(element.namespace());
            JsonValue value = null;
            if (namespace instanceof JsonObject object) {
                value = object.get(element.identifier());
            } else if (namespace != null) {
                throw new ElementValueException(element.namespace(), "the namespace's data must be an object");
            }
            // null is "no value", as the back office's offer check and SD-JWT VC read it (OID4VCI 1.0 Appendix B.2)
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                if (element.mandatory()) {
                    throw new ElementValueException(element, "mandatory and missing");
                }
                continue;
            }
            values.computeIfAbsent(element.namespace(), ns -> new LinkedHashMap<>())
                    .put(element.identifier(), ElementValues.toCbor(element, value));
        }
        return values;
    }

    /**
     * IssuerSignedItemBytes = #6.24(bstr .cbor IssuerSignedItem), each with fresh random, at the
     * index of its digest ID; the IDs are a random permutation of 0..n-1 (ISO 18013-5 §9.1.2.5:
     * not to reveal anything about the element).
     */
    private static List<CBORObject> signedItems(Map<String, CBORObject> elements) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, RANDOM);
        CBORObject[] tagged = new CBORObject[elements.size()];
        int next = 0;
        for (Map.Entry<String, CBORObject> element : elements.entrySet()) {
            int digestId = ids.get(next++);
            byte[] random = new byte[RANDOM_BYTES];
            RANDOM.nextBytes(random);
            CBORObject item = CBORObject.NewMap();
            item.Add("digestID", digestId);
            item.Add("random", random);
            item.Add("elementIdentifier", element.getKey());
            item.Add("elementValue", element.getValue());
            tagged[digestId] = CBORObject.FromObjectAndTag(item.EncodeToBytes(ENCODING), 24);
        }
        return List.of(tagged);
    }

    private CBORObject mobileSecurityObject(MdocRequest request, CBORObject valueDigests, CBORObject deviceKey) {
        Instant signed = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CBORObject validity = CBORObject.NewMap();
        validity.Add("signed", ElementValues.tdate(signed));
        validity.Add("validFrom", ElementValues.tdate(signed));
        validity.Add("validUntil", ElementValues.tdate(signed.plus(request.validity())));
        CBORObject deviceKeyInfo = CBORObject.NewMap();
        deviceKeyInfo.Add("deviceKey", deviceKey);

        CBORObject mso = CBORObject.NewMap();
        mso.Add("version", "1.0");
        mso.Add("digestAlgorithm", "SHA-256");
        mso.Add("valueDigests", valueDigests);
        mso.Add("deviceKeyInfo", deviceKeyInfo);
        mso.Add("docType", request.docType());
        mso.Add("validityInfo", validity);
        // draft-ietf-oauth-status-list, Referenced Token in ISO mdoc: "status": {"status_list": {"idx", "uri"}}
        request.status().ifPresent(status -> mso.Add("status", ElementValues.any(
                new MdocElement("MobileSecurityObject", "status", ElementType.ANY, true),
                status)));
        return mso;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
