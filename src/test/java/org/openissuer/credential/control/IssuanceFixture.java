package org.openissuer.credential.control;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.status.control.StatusAllocation;
import org.openissuer.status.entity.NewEntry;
import org.openissuer.status.entity.StatusReference;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.configuration.Dialect;
import org.openissuer.credential.entity.DeferredTicket;
import org.openissuer.credential.entity.IssuanceAnswer;
import org.openissuer.credential.entity.IssuanceMode;
import org.openissuer.credential.entity.PendingCredential;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.encryption.control.MessageEncryption;
import org.openissuer.encryption.entity.EncodedBody;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.keys.entity.IssuerCertificates;
import org.openissuer.testsupport.TestCertificates;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.platform.Jsonp;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.CredentialConfigurationBuilder;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.Instances;
import org.openissuer.testsupport.ProofJwt;
import org.openissuer.testsupport.SpentLedger;
import org.openissuer.testsupport.TestDPoPSettings;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.control.BuiltInAccessTokens;
import org.openissuer.token.entity.AccessToken;

/**
 * A {@link CredentialIssuance} outside the container: real token, DPoP and proof checks, real
 * transaction logic, and the database replaced by a {@link SpentLedger}.
 */
final class IssuanceFixture {

    static final String ISSUER = "https://issuer.example.com";
    static final String CONFIGURATION_ID = "Identity";
    static final String SCOPE = "identity_credential";
    static final Duration NONCE_LIFETIME = Duration.ofSeconds(300);

    final ECKey authorizationServerKey = TestKeys.p256("as-1");
    final ECKey credentialKey = TestKeys.p256("issuer-1");
    final ECKey holderKey = TestKeys.p256WithoutKid();
    final ECKey dpopKey = TestKeys.p256WithoutKid();
    final CredentialConfiguration configuration = CredentialConfigurationBuilder.sdJwtConfiguration(CONFIGURATION_ID)
            .scope(SCOPE).claim(CredentialConfigurationBuilder.claimDefinition(false, true, JsonValue.EMPTY_JSON_ARRAY,
                    "given_name")).build();
    final SpentLedger spent = new SpentLedger(Clock.systemUTC());
    final CredentialIssuance issuance;
    final FixedClaims claims = new FixedClaims();
    final RecordedDeferrals deferrals = new RecordedDeferrals();
    /** Set when the issuance read the request body. */
    boolean bodyRead;

    IssuanceFixture() {
        this(false);
    }

    IssuanceFixture(boolean dpopRequired) {
        Clock clock = Clock.systemUTC();
        IssuerSettings settings = new IssuerSettings() {
            @Override
            public IssuerIdentifier identifier() {
                return new IssuerIdentifier(ISSUER, "");
            }

            @Override
            public int batchSize() {
                return 2;
            }

            @Override
            public Duration nonceLifetime() {
                return NONCE_LIFETIME;
            }
        };
        IssuerKeys keys = new IssuerKeys() {
            @Override
            public SigningKeys signingKeys() {
                return new SigningKeys(credentialKey, List.of(credentialKey));
            }

            @Override
            public SigningKeys authorizationServerKeys() {
                return new SigningKeys(authorizationServerKey, List.of(authorizationServerKey));
            }

            @Override
            public IssuerCertificates certificates() {
                return new IssuerCertificates(List.of(TestCertificates.leaf(credentialKey).build()), java.util.Optional.empty(),
                        true);
            }
        };
        DPoPChecks dpop = new DPoPChecks(new TestDPoPSettings(dpopRequired, false), spent.replay, keys, settings, clock);
        dpop.prepare();
        AccessTokens tokens = BuiltInAccessTokens.of(ISSUER, authorizationServerKey);
        IssuanceCommit commit = new IssuanceCommit(settings,
                new IssuanceTransaction(spent.nonces, spent.audit, dpop, spent.notifications),
                new CredentialMinting(settings, new Issuance(), keys, new CountingStatuses(), spent.audit, clock),
                spent.audit, Instances.of(deferrals));
        issuance = new CredentialIssuance(settings, new Issuance(), configurations(), tokens, Instances.of(claims),
                commit, requestAudit(new Refusals(spent.audit)), spent.nonces, new PlainMessages(), new NoLimits(), dpop,
                clock);
        issuance.prepare();
    }

    private CredentialConfigurations configurations() {
        return new CredentialConfigurations() {
            @Override
            public Map<String, CredentialConfiguration> all() {
                return Map.of(CONFIGURATION_ID, configuration);
            }

            @Override
            public Optional<CredentialConfiguration> byId(String id) {
                return Optional.ofNullable(all().get(id));
            }
        };
    }

    // --- what a wallet sends

    String bearerToken() {
        return AccessTokenJwt.forSubject("erika").issuer(ISSUER).audience(ISSUER).signedBy(authorizationServerKey)
                .scope(SCOPE).build();
    }

    String dpopBoundToken() {
        try {
            return AccessTokenJwt.forSubject("erika").issuer(ISSUER).audience(ISSUER).signedBy(authorizationServerKey)
                    .scope(SCOPE).claim("cnf", Map.of("jkt", dpopKey.computeThumbprint().toString())).build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String thumbprintOfDPoPKey() {
        try {
            return dpopKey.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    DPoPJwt dpopProof(String accessToken) {
        return DPoPJwt.signedBy(dpopKey).htu(ISSUER + Endpoints.CREDENTIAL).accessToken(accessToken);
    }

    String proof(String nonce) {
        return ProofJwt.signedBy(holderKey).audience(ISSUER).nonce(nonce).build();
    }

    /** OID4VCI 1.0 §8.2. */
    static String v1Request(String configurationId, String proof) {
        return "{\"credential_configuration_id\":\"" + configurationId + "\",\"proofs\":{\"jwt\":[\"" + proof + "\"]}}";
    }

    /** Draft 13 §7.2: format and vct, one proof. */
    String draft13Request(String proof) {
        return "{\"format\":\"" + CredentialConfiguration.FORMAT_SD_JWT_VC + "\",\"vct\":\"" + configuration.vct()
                + "\",\"proof\":{\"proof_type\":\"jwt\",\"jwt\":\"" + proof + "\"}}";
    }

    RequestBody body(String json) {
        return () -> {
            bodyRead = true;
            return new RequestBody.Received(json.getBytes(StandardCharsets.UTF_8), false);
        };
    }

    EncodedBody issue(String authorization, List<String> dpopHeaders, String json) {
        return answer(authorization, dpopHeaders, json).body();
    }

    IssuanceAnswer answer(String authorization, List<String> dpopHeaders, String json) {
        return issuance.issue(authorization, dpopHeaders, body(json));
    }

    // --- collaborators without a database or a network

    /** The defaults of the issuance settings, without decoys: the credentials need not be inspected here. */
    static final class Issuance extends IssuanceSettings {
        @Override
        public void validate() {
            // valid by construction
        }

        @Override
        public Duration iatWindow() {
            return Duration.ofSeconds(120);
        }

        @Override
        public int decoys() {
            return 0;
        }

        @Override
        public int maxRequestBytes() {
            return 65_536;
        }

        @Override
        public Set<String> deniedSubjects() {
            return Set.of();
        }
    }

    static final class FixedClaims implements SubjectClaimSource {
        /** What mode() answers: immediate unless a test defers. */
        IssuanceMode mode = IssuanceMode.IMMEDIATE;

        @Override
        public boolean supports(AccessToken token) {
            return true;
        }

        @Override
        public IssuanceMode mode(AccessToken token, CredentialConfiguration configuration) {
            return mode;
        }

        @Override
        public JsonObject claims(AccessToken token, CredentialConfiguration configuration) {
            return Jsonp.PROVIDER.createObjectBuilder().add("given_name", "Erika").build();
        }
    }

    /** Neither request nor response encryption: the body is the JSON request. */
    static final class PlainMessages extends MessageEncryption {
        @Override
        public byte[] open(byte[] body, boolean encrypted, int maxBytes) {
            return body;
        }

        @Override
        public void checkResponse(boolean encryptedRequest, Dialect dialect, Optional<ResponseEncryptionParameters> response) {
            // no encryption policy
        }
    }

    static final class NoLimits extends RateLimits {
        @Override
        public void admit(Limited limited, String value) {
            // unlimited
        }
    }

    // what RequestAuditFilter opens for the credential endpoint
    private static RequestAudit requestAudit(Refusals refusals) {
        RequestAudit audit = new RequestAudit(refusals);
        audit.begin(AuditContext.of("req-1", "credential", "192.0.2.1"), true, true);
        return audit;
    }

    /** The deferred store without a database: what was deferred, in order. */
    static final class RecordedDeferrals implements DeferredIssuance {
        final List<PendingCredential> deferred = new ArrayList<>();

        @Override
        public DeferredTicket defer(PendingCredential pending) {
            deferred.add(pending);
            return new DeferredTicket("handle-" + deferred.size(), "secret-" + deferred.size(), 5);
        }
    }

    // status entries are the database's (StatusListIT); here each credential only needs one
    static final class CountingStatuses extends StatusAllocation {
        private int next;

        @Override
        public StatusReference allocate(NewEntry entry) {
            int idx = next++;
            return new StatusReference(1, idx, ISSUER + "/status-lists/1");
        }
    }
}
