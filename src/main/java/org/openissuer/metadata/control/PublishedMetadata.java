package org.openissuer.metadata.control;

import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.encryption.control.MessageEncryption;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.entity.TrustedAuthorizationServer;

/** The metadata documents, rendered once at deployment: they change only with configuration. */
@ApplicationScoped
public class PublishedMetadata {

    private final IssuerSettings settings;
    private final CredentialConfigurations configurations;
    private final IssuerKeys keys;
    private final AccessTokens tokens;
    private final MessageEncryption encryption;
    private final DPoPChecks dpop;
    private final MetadataSettings metadataSettings;

    private JsonObject issuerMetadataDocument;
    private String issuerMetadata;
    private String jwtVcIssuerMetadata;
    private String authorizationServerMetadata;
    private String authorizationServerJwks;

    @Inject
    public PublishedMetadata(IssuerSettings settings, CredentialConfigurations configurations, IssuerKeys keys,
            AccessTokens tokens, MessageEncryption encryption, DPoPChecks dpop, MetadataSettings metadataSettings) {
        this.settings = settings;
        this.configurations = configurations;
        this.keys = keys;
        this.tokens = tokens;
        this.encryption = encryption;
        this.dpop = dpop;
        this.metadataSettings = metadataSettings;
    }

    protected PublishedMetadata() {
        this(null, null, null, null, null, null, null);
    }

    public void render() {
        String issuer = settings.identifier().value();
        // OID4VCI 1.0 §12.2.4: the built-in authorization server and every trusted external one
        List<String> authorizationServers = settings.configuredAuthorizationServers()
                .orElseGet(() -> tokens.servers().stream().map(TrustedAuthorizationServer::issuer).toList());
        JsonObject document = IssuerMetadata.build(issuer, authorizationServers, settings.batchSize(),
                configurations.issuerDisplay(), configurations.all().values(),
                Optional.of(new IssuerMetadata.Encryption(encryption.requestMetadata(), encryption.responseMetadata())),
                dpop.algorithms());
        issuerMetadataDocument = forEveryWallet(document, configurations.all().values(), metadataSettings);
        issuerMetadata = issuerMetadataDocument.toString();
        // SD-JWT VC §4: the issuer's public keys for verifiers, under the same identifier
        jwtVcIssuerMetadata = Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("jwks", Json.createReader(new StringReader(keys.publicJwks().toString(true))).readObject())
                .build().toString();
        authorizationServerMetadata = AuthorizationServerMetadata.build(issuer, dpop.algorithms()).toString();
        authorizationServerJwks = keys.authorizationServerKeys().publicJwks().toString(true);
    }

    /** The 1.0 document, with the members pre-1.0 wallets read unless the settings turn them off. */
    static JsonObject forEveryWallet(JsonObject document, Collection<CredentialConfiguration> configurations,
            MetadataSettings settings) {
        return settings.legacyMembers() ? LegacyMetadata.extend(document, configurations, settings.claimsShape()) : document;
    }

    public String issuerMetadata() {
        return issuerMetadata;
    }

    /** §12.2.2: the document with the display data of the Accept-Language's languages, when it has any. */
    public Localized issuerMetadata(String acceptLanguage) {
        if (issuerMetadataDocument == null) {
            return new Localized(issuerMetadata(), Optional.empty());
        }
        DisplayLanguages.Selection selection = DisplayLanguages.select(issuerMetadataDocument, acceptLanguage);
        Optional<String> languages = selection.contentLanguages().isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", selection.contentLanguages()));
        return new Localized(selection.narrowed() ? selection.document().toString() : issuerMetadata(), languages);
    }

    /** @param contentLanguage the languages of the display data sent (RFC 9110 §8.5) */
    public record Localized(String body, Optional<String> contentLanguage) {
    }

    public String jwtVcIssuerMetadata() {
        return jwtVcIssuerMetadata;
    }

    public String authorizationServerMetadata() {
        return authorizationServerMetadata;
    }

    public String authorizationServerJwks() {
        return authorizationServerJwks;
    }

    /** The path the identifier adds after the well-known segment: "" or e.g. "/tenant". */
    public String issuerPath() {
        return settings.identifier().path();
    }
}
