package org.openissuer.admin.control;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/**
 * How the back-office API authenticates: the standard MicroProfile JWT properties (so
 * MP_JWT_VERIFY_PUBLICKEY_LOCATION and MP_JWT_VERIFY_ISSUER work as usual), read by our own
 * filter rather than the server's mpJwt feature, which would also claim the wallets' tokens.
 * Without a key the admin API refuses every request; the deployment still starts.
 */
@ApplicationScoped
public class AdminSettings implements Settings {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String TOKEN_HEADER = "mp.jwt.token.header";
    static final String TOKEN_COOKIE = "mp.jwt.token.cookie";
    static final String GROUP = "issuer.admin.group";
    static final String AUDITOR_GROUP = "issuer.admin.auditor-group";
    static final String REFRESH = "issuer.admin.keys-refresh-seconds";
    // asymmetric only: an HMAC secret in a public-key property would let anyone who reads it mint admin tokens
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    private static final Logger LOG = Logger.getLogger(AdminSettings.class.getName());

    private final Optional<String> publicKey;
    private final Optional<String> location;
    private final Optional<String> issuer;
    private final Optional<List<String>> audiences;
    private final Optional<String> algorithm;
    private final int clockSkewSeconds;
    private final String tokenHeader;
    private final String tokenCookie;
    private final String group;
    private final Optional<String> auditorGroup;
    private final long refreshSeconds;
    private Optional<AdminTokenVerifier> verifier = Optional.empty();

    /** For the CDI proxy only. */
    protected AdminSettings() {
        this(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, "", "", "",
                Optional.empty(), 0);
    }

    @Inject
    public AdminSettings(@ConfigProperty(name = PUBLIC_KEY) Optional<String> publicKey,
            @ConfigProperty(name = LOCATION) Optional<String> location,
            @ConfigProperty(name = ISSUER) Optional<String> issuer,
            @ConfigProperty(name = AUDIENCES) Optional<List<String>> audiences,
            @ConfigProperty(name = ALGORITHM) Optional<String> algorithm,
            @ConfigProperty(name = CLOCK_SKEW) int clockSkewSeconds,
            @ConfigProperty(name = TOKEN_HEADER) String tokenHeader,
            @ConfigProperty(name = TOKEN_COOKIE) String tokenCookie,
            @ConfigProperty(name = GROUP) String group,
            @ConfigProperty(name = AUDITOR_GROUP) Optional<String> auditorGroup,
            @ConfigProperty(name = REFRESH) long refreshSeconds) {
        this.publicKey = publicKey;
        this.location = location;
        this.issuer = issuer;
        this.audiences = audiences;
        this.algorithm = algorithm;
        this.clockSkewSeconds = clockSkewSeconds;
        this.tokenHeader = tokenHeader;
        this.tokenCookie = tokenCookie;
        this.group = group;
        this.auditorGroup = auditorGroup.map(String::strip).filter(a -> !a.isEmpty());
        this.refreshSeconds = refreshSeconds;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        ConfigurationException.requireBetween(CLOCK_SKEW, clockSkewSeconds, 0, 600, "seconds");
        ConfigurationException.requireAtLeast(REFRESH, refreshSeconds, 1, "second");
        Optional<String> inline = publicKey.filter(k -> !k.isBlank());
        Optional<String> file = location.filter(l -> !l.isBlank());
        if (inline.isPresent() && file.isPresent()) {
            throw new ConfigurationException(PUBLIC_KEY, "set either it or " + LOCATION + ", not both (MP JWT 2.1 §9.2)");
        }
        verifier = inline.map(this::inlineKeys).or(() -> file.map(this::remoteKeys));
        if (verifier.isEmpty()) {
            LOG.warning(() -> "Admin API disabled: every request is answered 401 until " + LOCATION
                    + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION) or " + PUBLIC_KEY + " names the identity provider's key");
        } else if (issuer.filter(i -> !i.isBlank()).isEmpty()) {
            LOG.warning("Admin API: mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER) is not set; the token issuer is not checked");
        }
    }

    private AdminTokenVerifier inlineKeys(String text) {
        JWKSet keys;
        try {
            keys = PublicKeyText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(PUBLIC_KEY, e.getMessage());
        }
        return verifier(new ImmutableJWKSet<>(keys));
    }

    private AdminTokenVerifier remoteKeys(String where) {
        return verifier(new AdminKeys(where.strip(), Duration.ofSeconds(refreshSeconds), Clock.systemUTC()));
    }

    private AdminTokenVerifier verifier(JWKSource<SecurityContext> keys) {
        return new AdminTokenVerifier(keys, algorithms(), issuer.filter(i -> !i.isBlank()),
                audiences.filter(a -> !a.isEmpty()), clockSkewSeconds, group);
    }

    // MP JWT 2.1 §9.2.3 names one algorithm, RS256 by default; unset, ES256 is accepted as well
    private Set<JWSAlgorithm> algorithms() {
        if (algorithm.filter(a -> !a.isBlank()).isEmpty()) {
            return Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
        }
        JWSAlgorithm named = JWSAlgorithm.parse(algorithm.get().strip());
        if (!ALGORITHMS.contains(named)) {
            throw new ConfigurationException(ALGORITHM, "must be one of " + ALGORITHMS + ", is " + algorithm.get());
        }
        return Set.of(named);
    }

    public Optional<AdminTokenVerifier> verifier() {
        return verifier;
    }

    /** The group that may read the events API but change nothing; empty: none, only the admin group reads. */
    public Optional<String> auditorGroup() {
        return auditorGroup;
    }

    public String tokenHeader() {
        return tokenHeader;
    }

    public String tokenCookie() {
        return tokenCookie;
    }
}
