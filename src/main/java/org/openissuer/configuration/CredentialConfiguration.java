package org.openissuer.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;

import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.mdoc.entity.MdocElement;

/**
 * A credential the issuer offers (OID4VCI 1.0 §12.2.4), plus how it issues it. An SD-JWT VC
 * (Appendix A.3) is named by {@code vct}; an mdoc (Appendix A.2) by {@code doctype}.
 */
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
        boolean statusList,
        Optional<String> doctype) {

    public static final String FORMAT_SD_JWT_VC = "dc+sd-jwt";
    public static final String FORMAT_MSO_MDOC = "mso_mdoc";

    public CredentialConfiguration {
        proofSigningAlgorithms = List.copyOf(proofSigningAlgorithms);
        claims = List.copyOf(claims);
        if (FORMAT_MSO_MDOC.equals(format) == doctype.isEmpty() || FORMAT_MSO_MDOC.equals(format) == (vct != null)) {
            throw new IllegalArgumentException("an mdoc configuration has a doctype and no vct, an SD-JWT VC one a vct");
        }
    }

    /** An SD-JWT VC configuration. */
    public CredentialConfiguration(String id, String format, String scope, String vct, Duration validity,
            Optional<String> profile, List<String> proofSigningAlgorithms, JsonArray display, List<ClaimDefinition> claims,
            boolean statusList) {
        this(id, format, scope, vct, validity, profile, proofSigningAlgorithms, display, claims, statusList, Optional.empty());
    }

    /** With a status list entry, the default (draft-ietf-oauth-status-list-21). */
    public CredentialConfiguration(String id, String format, String scope, String vct, Duration validity,
            Optional<String> profile, List<String> proofSigningAlgorithms, JsonArray display, List<ClaimDefinition> claims) {
        this(id, format, scope, vct, validity, profile, proofSigningAlgorithms, display, claims, true);
    }

    public boolean isMdoc() {
        return FORMAT_MSO_MDOC.equals(format);
    }

    /**
     * An mdoc's data elements (OID4VCI 1.0 Appendix A.2.2: each claim's path is [namespace, element
     * identifier]), in configuration order, with the CBOR type each value is issued as.
     */
    public List<MdocElement> mdocElements() {
        return claims.stream().map(c -> new MdocElement((String) c.path().get(0), c.name(),
                c.elementType().orElse(ElementType.ANY), c.mandatory())).toList();
    }

    /** What names the kind of credential in requests and the audit trail: the vct, or the mdoc doctype. */
    public String credentialType() {
        return isMdoc() ? doctype.orElseThrow() : vct;
    }
}
