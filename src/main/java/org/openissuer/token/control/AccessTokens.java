package org.openissuer.token.control;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.ExpiringCache;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.input.JoseJson;
import org.openissuer.token.entity.AccessToken;
import org.openissuer.token.entity.TrustedAuthorizationServer;

/**
 * Verifies access tokens (RFC 6750, RFC 9068) from the built-in authorization server and from
 * the external ones configured in {@link TrustedServersParser#PROPERTY}. Keys are loaded or
 * fetched once and cached: no per-request key parsing.
 */
@ApplicationScoped
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());
    // A bearer token far above any real JWT is refused before it is parsed
    static final int MAX_TOKEN_LENGTH = 8 * 1024;
    // tokens in use at once per instance; a token beyond it is only verified again (at most 8 KiB each)
    static final int VERIFIED_TOKENS = 2_048;
    private static final Set<JWSAlgorithm> EXTERNAL_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final IssuerSettings settings;
    private final IssuerKeys keys;
    private final Optional<String> serversFile;
    private final TokenSettings tokenSettings;

    private final Map<String, Trusted> byIssuer = new LinkedHashMap<>();
    // a token's signature and claims are checked once, then the exact token is known until its exp
    private final ExpiringCache<String, AccessToken> verified;

    @Inject
    public AccessTokens(IssuerSettings settings, IssuerKeys keys,
            @ConfigProperty(name = TrustedServersParser.PROPERTY) Optional<String> serversFile,
            TokenSettings tokenSettings, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.serversFile = serversFile;
        this.tokenSettings = tokenSettings;
        this.verified = new ExpiringCache<>(VERIFIED_TOKENS, clock);
    }

    protected AccessTokens() {
        this(null, null, null, null, null);
    }

    private record Trusted(TrustedAuthorizationServer server, DefaultJWTProcessor<SecurityContext> processor) {
    }

    public void load() {
        String issuer = settings.identifier().value();
        byIssuer.clear();
        verified.clear();
        TrustedAuthorizationServer builtIn = new TrustedAuthorizationServer(issuer, Optional.empty(), issuer, Map.of(), true);
        SigningKeys asKeys = keys.authorizationServerKeys();
        byIssuer.put(issuer, new Trusted(builtIn, processor(builtIn, new ImmutableJWKSet<>(asKeys.publicJwks()),
                Set.of(SigningKeys.ALGORITHM), new DefaultJOSEObjectTypeVerifier<>(AccessTokenFormat.TYPE), tokenSettings.ownClockSkewSeconds())));
        for (TrustedAuthorizationServer server : external()) {
            if (byIssuer.containsKey(server.issuer())) {
                throw new ConfigurationException(TrustedServersParser.PROPERTY,
                        server.issuer() + " is this issuer's own authorization server; do not list it");
            }
            // RFC 9068 §2.1 asks for at+jwt, but widespread servers (e.g. Keycloak) still send JWT
            byIssuer.put(server.issuer(), new Trusted(server, processor(server, keySource(server), EXTERNAL_ALGORITHMS,
                    new DefaultJOSEObjectTypeVerifier<>(AccessTokenFormat.TYPE, JOSEObjectType.JWT,
                            new JOSEObjectType("application/at+jwt"), null), tokenSettings.externalClockSkewSeconds())));
            LOG.info(() -> "Trusting access tokens of " + server.issuer() + " (keys from " + server.jwks().orElseThrow() + ")");
        }
    }

    private List<TrustedAuthorizationServer> external() {
        if (serversFile.isEmpty() || serversFile.get().isBlank()) {
            return List.of();
        }
        Path file = Path.of(serversFile.get());
        try {
            // a relative jwks_file lies next to the file that names it
            Path base = file.toAbsolutePath().getParent();
            return TrustedServersParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
                    settings.identifier().value()).stream().map(s -> s.resolvedAgainst(base)).toList();
        } catch (IOException e) {
            throw new ConfigurationException(TrustedServersParser.PROPERTY, "cannot read " + file, e);
        }
    }

    private static JWKSource<SecurityContext> keySource(TrustedAuthorizationServer server) {
        String location = server.jwks().orElseThrow();
        if (location.startsWith("https://") || location.startsWith("http://")) {
            try {
                URL url = URI.create(location).toURL();
                // fetched on first use and cached, refreshed when an unknown kid appears (key rotation)
                return JWKSourceBuilder.create(url, new DefaultResourceRetriever(2_000, 2_000, 512 * 1024)).build();
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException(TrustedServersParser.PROPERTY, server.issuer() + ": bad jwks_uri " + location, e);
            }
        }
        try {
            JWKSet set = JWKSet.load(Path.of(location).toFile());
            if (set.getKeys().stream().anyMatch(k -> k.isPrivate())) {
                throw new ConfigurationException(TrustedServersParser.PROPERTY,
                        server.issuer() + ": " + location + " holds private keys; give the public keys only");
            }
            return new ImmutableJWKSet<>(set.toPublicJWKSet());
        } catch (IOException | ParseException e) {
            throw new ConfigurationException(TrustedServersParser.PROPERTY,
                    server.issuer() + ": cannot read the JWK set file " + location, e);
        }
    }

    private static DefaultJWTProcessor<SecurityContext> processor(TrustedAuthorizationServer server,
            JWKSource<SecurityContext> keySource, Set<JWSAlgorithm> algorithms,
            DefaultJOSEObjectTypeVerifier<SecurityContext> types, int clockSkewSeconds) {
        DefaultJWTProcessor<SecurityContext> processor = JwsCrypto.onProvider(new DefaultJWTProcessor<>());
        processor.setJWSTypeVerifier(types);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keySource));
        // RFC 9068 §4: iss exact, aud names this resource, exp in the future, a subject
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(server.audience(),
                new JWTClaimsSet.Builder().issuer(server.issuer()).build(), Set.of("sub", "exp"));
        // RFC 7519 §4.1.4: "some small leeway"; Nimbus's default of 60 s let a token outlive its exp by a minute
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    /** The configured external authorization servers (for metadata and claim sources). */
    public List<TrustedAuthorizationServer> servers() {
        return byIssuer.values().stream().map(Trusted::server).toList();
    }

    public Optional<TrustedAuthorizationServer> server(String issuer) {
        return Optional.ofNullable(byIssuer.get(issuer)).map(Trusted::server);
    }

    public AccessToken verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("access token is missing or too large");
        }
        Optional<AccessToken> known = verified.get(token);
        if (known.isPresent()) {
            return known.get();
        }
        return check(token);
    }

    /** The token's first sight: signature and claims, then kept for its next requests. */
    AccessToken check(String token) {
        JoseJson.requireJwsObjects(token, IssuerError.INVALID_TOKEN);
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(token);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException | RuntimeException e) {
            throw invalid("access token is not a signed JWT");
        }
        Trusted trusted = issuer == null ? null : byIssuer.get(issuer);
        if (trusted == null) {
            throw invalid("access token is not from a trusted authorization server");
        }
        try {
            JWTClaimsSet claims = trusted.processor().process(jwt, null);
            AccessToken accessToken = TokenClaims.toAccessToken(token, claims, trusted.server().builtIn());
            // exp is required (RFC 9068 §2.2), so every cached token lapses
            verified.put(token, accessToken, claims.getExpirationTime().toInstant());
            return accessToken;
        } catch (BadJOSEException e) {
            throw invalid("access token rejected: " + e.getMessage());
        } catch (KeySourceException e) {
            LOG.log(Level.WARNING, "Cannot get the keys of authorization server " + issuer, e);
            throw new IssuerException(IssuerError.SERVER_ERROR, "the authorization server's keys are unavailable");
        } catch (JOSEException e) {
            throw invalid("access token signature cannot be verified");
        } catch (RuntimeException e) {
            // Nimbus on claims of the wrong type (e.g. "exp": null)
            throw invalid("access token claims are malformed");
        }
    }

    static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_TOKEN, description);
    }

    List<String> issuers() {
        return new ArrayList<>(byIssuer.keySet());
    }
}
