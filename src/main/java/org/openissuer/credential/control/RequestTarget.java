package org.openissuer.credential.control;

import java.util.Optional;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.credential.entity.CredentialRequest;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.token.entity.AccessToken;
import org.openissuer.token.entity.AuthorizationDetail;

/** Which configuration a request names, in which format, and whether the token allows it. */
record RequestTarget(CredentialConfiguration configuration, String format) {

    static final String LEGACY_FORMAT = "vc+sd-jwt";

    static RequestTarget resolve(CredentialRequest request, AccessToken token, CredentialConfigurations configurations) {
        if (request.credentialIdentifier().isPresent()) {
            // OID4VCI 1.0 §8.2: an identifier from the token response's authorization_details
            String identifier = request.credentialIdentifier().get();
            String configurationId = token.authorizationDetails().stream()
                    .filter(d -> d.credentialIdentifiers().contains(identifier))
                    .map(AuthorizationDetail::credentialConfigurationId).findFirst()
                    .orElseThrow(() -> new IssuerException(IssuerError.UNKNOWN_CREDENTIAL_IDENTIFIER,
                            "credential_identifier is not one this access token was issued for"));
            CredentialConfiguration configuration = configurations.byId(configurationId)
                    .orElseThrow(() -> new IssuerException(IssuerError.UNKNOWN_CREDENTIAL_IDENTIFIER,
                            "credential_identifier names a configuration this issuer no longer offers"));
            return new RequestTarget(configuration, configuration.format()).authorizedBy(token);
        }
        if (request.credentialConfigurationId().isPresent()) {
            String id = request.credentialConfigurationId().get();
            CredentialConfiguration configuration = configurations.byId(id).orElseThrow(() -> new IssuerException(
                    IssuerError.UNKNOWN_CREDENTIAL_CONFIGURATION, "unknown credential_configuration_id " + id));
            return new RequestTarget(configuration, configuration.format()).authorizedBy(token);
        }
        return byFormatAndType(request, configurations).authorizedBy(token);
    }

    // draft 13 §7.2: format + vct (Appendix E.4.4 of draft 13 / A.3.4) or format + doctype (A.2.4) name the credential
    private static RequestTarget byFormatAndType(CredentialRequest request, CredentialConfigurations configurations) {
        String format = request.format().orElseThrow();
        boolean mdoc = CredentialConfiguration.FORMAT_MSO_MDOC.equals(format);
        if (!mdoc && !CredentialConfiguration.FORMAT_SD_JWT_VC.equals(format) && !LEGACY_FORMAT.equals(format)) {
            throw new IssuerException(IssuerError.UNSUPPORTED_CREDENTIAL_FORMAT, "format " + format + " is not supported");
        }
        String member = mdoc ? "doctype" : "vct";
        String type = (mdoc ? request.doctype() : request.vct()).orElseThrow(() -> new IssuerException(
                IssuerError.INVALID_CREDENTIAL_REQUEST, member + " is required with format " + format));
        Optional<CredentialConfiguration> match = configurations.all().values().stream()
                .filter(c -> c.isMdoc() == mdoc && c.credentialType().equals(type)).findFirst();
        return new RequestTarget(match.orElseThrow(() -> new IssuerException(IssuerError.UNSUPPORTED_CREDENTIAL_TYPE,
                "no credential of " + member + " " + type + " is issued here")), format);
    }

    // RFC 6750 §3.1: a valid token that does not cover the credential is insufficient_scope
    private RequestTarget authorizedBy(AccessToken token) {
        boolean byScope = configuration.scope() != null && token.scopes().contains(configuration.scope());
        boolean byDetails = token.authorizationDetails().stream()
                .anyMatch(d -> d.credentialConfigurationId().equals(configuration.id()));
        if (!byScope && !byDetails) {
            throw new IssuerException(IssuerError.INSUFFICIENT_SCOPE,
                    "the access token does not authorize credential configuration " + configuration.id());
        }
        return this;
    }
}
