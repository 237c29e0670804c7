package org.openissuer.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.mdocConfiguration;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.sdJwtConfiguration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.configuration.Dialect;
import org.openissuer.credential.entity.CredentialRequest;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.token.entity.AccessToken;
import org.openissuer.token.entity.AuthorizationDetail;

/** Which configuration a request names (OID4VCI 1.0 §8.2, draft 13 §7.2) and whether the token covers it. */
class RequestTargetTest {

    private static final CredentialConfiguration IDENTITY = sdJwtConfiguration("Identity").scope("identity").build();
    private static final CredentialConfiguration EMPLOYEE = sdJwtConfiguration("Employee").scope("employee").build();
    private static final CredentialConfiguration MDL = mdocConfiguration("Mdl", "org.iso.18013.5.1.mDL").scope("mdl").build();
    private static final CredentialConfigurations CONFIGURATIONS = new CredentialConfigurations() {
        @Override
        public Map<String, CredentialConfiguration> all() {
            return Map.of("Identity", IDENTITY, "Employee", EMPLOYEE, "Mdl", MDL);
        }

        @Override
        public Optional<CredentialConfiguration> byId(String id) {
            return Optional.ofNullable(all().get(id));
        }
    };

    private static AccessToken token(Set<String> scopes, List<AuthorizationDetail> details) {
        return new AccessToken("jwt", "https://as.example.com", "erika", Optional.empty(), Optional.of("jti"), scopes, details,
                Optional.empty(), Optional.empty(), Map.of());
    }

    private static CredentialRequest byId(String id) {
        return new CredentialRequest(Dialect.V1, Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    private static CredentialRequest byIdentifier(String identifier) {
        return new CredentialRequest(Dialect.V1, Optional.empty(), Optional.of(identifier), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    private static CredentialRequest byFormat(String format, Optional<String> vct) {
        return new CredentialRequest(Dialect.DRAFT_13, Optional.empty(), Optional.empty(), Optional.of(format), vct,
                Optional.empty(), List.of(), Optional.empty());
    }

    private static CredentialRequest byDoctype(Optional<String> doctype) {
        return new CredentialRequest(Dialect.DRAFT_13, Optional.empty(), Optional.empty(), Optional.of("mso_mdoc"),
                Optional.empty(), doctype, List.of(), Optional.empty());
    }

    private static IssuerError refusal(CredentialRequest request, AccessToken token) {
        return assertThrows(IssuerException.class, () -> RequestTarget.resolve(request, token, CONFIGURATIONS)).error();
    }

    @Test
    void aConfigurationIdCoveredByTheTokensScope() {
        RequestTarget target = RequestTarget.resolve(byId("Identity"), token(Set.of("identity"), List.of()), CONFIGURATIONS);

        assertSame(IDENTITY, target.configuration());
        assertEquals(CredentialConfiguration.FORMAT_SD_JWT_VC, target.format());
    }

    @Test
    void aConfigurationIdCoveredByTheTokensAuthorizationDetails() {
        AccessToken token = token(Set.of(), List.of(new AuthorizationDetail("Employee", List.of("e-1"))));

        assertSame(EMPLOYEE, RequestTarget.resolve(byId("Employee"), token, CONFIGURATIONS).configuration());
    }

    @Test
    void anUnknownConfigurationId() {
        assertEquals(IssuerError.UNKNOWN_CREDENTIAL_CONFIGURATION, refusal(byId("Nope"), token(Set.of("identity"), List.of())));
    }

    @Test
    void aConfigurationTheTokenDoesNotCoverIsInsufficientScope() {
        // RFC 6750 §3.1
        assertEquals(IssuerError.INSUFFICIENT_SCOPE, refusal(byId("Employee"), token(Set.of("identity"), List.of())));
    }

    @Test
    void aCredentialIdentifierNamesTheConfigurationOfItsAuthorizationDetail() {
        AccessToken token = token(Set.of(), List.of(new AuthorizationDetail("Employee", List.of("e-1", "e-2"))));

        assertSame(EMPLOYEE, RequestTarget.resolve(byIdentifier("e-2"), token, CONFIGURATIONS).configuration());
    }

    @Test
    void aCredentialIdentifierTheTokenWasNotIssuedFor() {
        AccessToken token = token(Set.of("identity"), List.of(new AuthorizationDetail("Employee", List.of("e-1"))));

        assertEquals(IssuerError.UNKNOWN_CREDENTIAL_IDENTIFIER, refusal(byIdentifier("i-1"), token));
    }

    @Test
    void aCredentialIdentifierOfAConfigurationNoLongerOffered() {
        AccessToken token = token(Set.of(), List.of(new AuthorizationDetail("Retired", List.of("r-1"))));

        assertEquals(IssuerError.UNKNOWN_CREDENTIAL_IDENTIFIER, refusal(byIdentifier("r-1"), token));
    }

    @Test
    void draft13FormatAndVctNameTheConfigurationAndKeepTheLegacyFormat() {
        RequestTarget target = RequestTarget.resolve(byFormat(RequestTarget.LEGACY_FORMAT, Optional.of(IDENTITY.vct())),
                token(Set.of("identity"), List.of()), CONFIGURATIONS);

        assertSame(IDENTITY, target.configuration());
        assertEquals(RequestTarget.LEGACY_FORMAT, target.format());
    }

    @Test
    void draft13RefusalsOfFormatAndVct() {
        AccessToken token = token(Set.of("identity", "employee"), List.of());

        assertEquals(IssuerError.UNSUPPORTED_CREDENTIAL_FORMAT, refusal(byFormat("jwt_vc_json", Optional.of(IDENTITY.vct())), token));
        assertEquals(IssuerError.INVALID_CREDENTIAL_REQUEST,
                refusal(byFormat(CredentialConfiguration.FORMAT_SD_JWT_VC, Optional.empty()), token));
        assertEquals(IssuerError.UNSUPPORTED_CREDENTIAL_TYPE,
                refusal(byFormat(CredentialConfiguration.FORMAT_SD_JWT_VC, Optional.of("urn:unknown")), token));
    }

    @Test
    void draft13MdocIsNamedByFormatAndDoctype() {
        AccessToken token = token(Set.of("mdl"), List.of());

        RequestTarget target = RequestTarget.resolve(byDoctype(Optional.of("org.iso.18013.5.1.mDL")), token, CONFIGURATIONS);

        assertSame(MDL, target.configuration());
        assertEquals("mso_mdoc", target.format());
        assertEquals(IssuerError.INVALID_CREDENTIAL_REQUEST, refusal(byDoctype(Optional.empty()), token));
        assertEquals(IssuerError.UNSUPPORTED_CREDENTIAL_TYPE, refusal(byDoctype(Optional.of("org.example.unknown")), token));
        // a vct never names an mdoc, nor a doctype an SD-JWT VC
        assertEquals(IssuerError.UNSUPPORTED_CREDENTIAL_TYPE,
                refusal(byFormat(CredentialConfiguration.FORMAT_SD_JWT_VC, Optional.of("org.iso.18013.5.1.mDL")), token));
        assertEquals(IssuerError.INSUFFICIENT_SCOPE,
                refusal(byDoctype(Optional.of("org.iso.18013.5.1.mDL")), token(Set.of("identity"), List.of())));
    }

    @Test
    void mdocByConfigurationIdTakesTheConfiguredFormat() {
        assertEquals("mso_mdoc", RequestTarget.resolve(byId("Mdl"), token(Set.of("mdl"), List.of()), CONFIGURATIONS).format());
    }

    @Test
    void draft13FormatAndVctAreCheckedAgainstTheToken() {
        assertEquals(IssuerError.INSUFFICIENT_SCOPE, refusal(byFormat(CredentialConfiguration.FORMAT_SD_JWT_VC,
                Optional.of(EMPLOYEE.vct())), token(Set.of("identity"), List.of())));
    }
}
