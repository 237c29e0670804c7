package org.openissuer.metadata.control;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Which members the metadata publishes for pre-1.0 wallets (docs/dialects.md). */
@ApplicationScoped
public class MetadataSettings implements Settings {

    static final String LEGACY_MEMBERS = "issuer.metadata.legacy-members";
    static final String LEGACY_CLAIMS = "issuer.metadata.legacy-claims";

    private final String legacyMembersText;
    private final String legacyClaimsText;
    private boolean legacyMembers;
    private LegacyMetadata.ClaimsShape claimsShape;

    /** For the CDI proxy only. */
    protected MetadataSettings() {
        this("false", "draft-13");
    }

    @Inject
    public MetadataSettings(@ConfigProperty(name = LEGACY_MEMBERS) String legacyMembers,
            @ConfigProperty(name = LEGACY_CLAIMS) String legacyClaims) {
        this.legacyMembersText = legacyMembers;
        this.legacyClaimsText = legacyClaims;
    }

    /** Called once, from Startup: fails the deployment on a value it does not know. */
    @Override
    public void validate() {
        legacyMembers = flag(legacyMembersText);
        claimsShape = shape(legacyClaimsText);
    }

    public boolean legacyMembers() {
        return legacyMembers;
    }

    public LegacyMetadata.ClaimsShape claimsShape() {
        return claimsShape;
    }

    // read as text: MicroProfile Config turns a typo into false
    private static boolean flag(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigurationException(LEGACY_MEMBERS, "must be true or false, is '" + value + "'");
        }
        return v.equals("true");
    }

    private static LegacyMetadata.ClaimsShape shape(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "draft-13" -> LegacyMetadata.ClaimsShape.DRAFT_13;
            case "draft-15" -> LegacyMetadata.ClaimsShape.DRAFT_15;
            default -> throw new ConfigurationException(LEGACY_CLAIMS, "must be draft-13 or draft-15, is '" + value + "'");
        };
    }
}
