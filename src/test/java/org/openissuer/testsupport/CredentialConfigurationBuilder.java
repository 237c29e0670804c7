package org.openissuer.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.mdoc.entity.ElementType;

/** A parsed {@link CredentialConfiguration}, for code that consumes configurations rather than reads files. */
public final class CredentialConfigurationBuilder {

    private final String id;
    private String scope;
    private String vct;
    private Duration validity = Duration.ofDays(365);
    private Optional<String> profile = Optional.empty();
    private List<String> proofAlgorithms = List.of("ES256");
    private JsonArray display = JsonValue.EMPTY_JSON_ARRAY;
    private final List<ClaimDefinition> claims = new ArrayList<>();
    private Optional<String> doctype = Optional.empty();

    private CredentialConfigurationBuilder(String id) {
        this.id = id;
        this.scope = id.toLowerCase();
        this.vct = "https://credentials.example.com/" + id;
    }

    public static CredentialConfigurationBuilder sdJwtConfiguration(String id) {
        return new CredentialConfigurationBuilder(id);
    }

    /** An mso_mdoc configuration (OID4VCI 1.0 Appendix A.2) of the given doctype. */
    public static CredentialConfigurationBuilder mdocConfiguration(String id, String doctype) {
        CredentialConfigurationBuilder builder = new CredentialConfigurationBuilder(id);
        builder.vct = null;
        builder.doctype = Optional.of(doctype);
        return builder;
    }

    /** An mdoc element definition, [namespace, element] (Appendix A.2.2). */
    public static ClaimDefinition element(String namespace, String identifier, ElementType type, boolean mandatory) {
        return new ClaimDefinition(List.of(namespace, identifier), mandatory, true, JsonValue.EMPTY_JSON_ARRAY,
                Optional.of(type));
    }

    /** A claim definition; path segments are names, indexes or null (all elements). */
    public static ClaimDefinition claimDefinition(boolean mandatory, boolean selectivelyDisclosable, JsonArray display,
            Object... path) {
        return new ClaimDefinition(Arrays.asList(path), mandatory, selectivelyDisclosable, display);
    }

    public CredentialConfigurationBuilder scope(String value) {
        this.scope = value;
        return this;
    }

    public CredentialConfigurationBuilder vct(String value) {
        this.vct = value;
        return this;
    }

    public CredentialConfigurationBuilder validity(Duration value) {
        this.validity = value;
        return this;
    }

    public CredentialConfigurationBuilder profile(String value) {
        this.profile = Optional.of(value);
        return this;
    }

    public CredentialConfigurationBuilder proofAlgorithms(String... algorithms) {
        this.proofAlgorithms = List.of(algorithms);
        return this;
    }

    public CredentialConfigurationBuilder display(JsonArray value) {
        this.display = value;
        return this;
    }

    public CredentialConfigurationBuilder claim(ClaimDefinition claim) {
        claims.add(claim);
        return this;
    }

    public CredentialConfiguration build() {
        if (doctype.isPresent()) {
            return new CredentialConfiguration(id, CredentialConfiguration.FORMAT_MSO_MDOC, scope, null, validity,
                    Optional.empty(), proofAlgorithms, display, claims, true, doctype);
        }
        return new CredentialConfiguration(id, CredentialConfiguration.FORMAT_SD_JWT_VC, scope, vct, validity, profile,
                proofAlgorithms, display, claims);
    }
}
