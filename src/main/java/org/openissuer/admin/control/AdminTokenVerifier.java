package org.openissuer.admin.control;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.openissuer.admin.entity.AdminPrincipal;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.input.JoseJson;

/**
 * Verifies the identity provider's tokens the way MicroProfile JWT 2.1 does (signature with the
 * configured algorithm, iss, aud, exp, iat, nbf with clock skew) and requires the admin group.
 */
public class AdminTokenVerifier {

    private static final Logger LOG = Logger.getLogger(AdminTokenVerifier.class.getName());

    private final DefaultJWTProcessor<SecurityContext> processor = JwsCrypto.onProvider(new DefaultJWTProcessor<>());
    private final String group;

    public AdminTokenVerifier(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms, Optional<String> issuer,
            Optional<List<String>> audiences, int clockSkewSeconds, String group) {
        this(keys, algorithms, issuer, audiences, clockSkewSeconds, group, Clock.systemUTC());
    }

    public AdminTokenVerifier(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms, Optional<String> issuer,
            Optional<List<String>> audiences, int clockSkewSeconds, String group, Clock clock) {
        this.group = group;
        processor.setJWSKeySelector(keySelector(keys, algorithms));
        JWTClaimsSet exact = issuer.map(iss -> new JWTClaimsSet.Builder().issuer(iss).build())
                .orElseGet(() -> new JWTClaimsSet.Builder().build());
        // MP JWT 2.1 §4.1: exp and iat are required
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audiences.map(HashSet::new).orElse(null), exact, Set.of("exp", "iat"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }

            @Override
            public void verify(JWTClaimsSet claimsSet, SecurityContext context) throws BadJWTException {
                super.verify(claimsSet, context);
                // RFC 7519 §4.1.6 / MP JWT 2.1 §4.1: a token issued in the future is not yet valid
                Date iat = claimsSet.getIssueTime();
                if (iat == null || iat.toInstant().isAfter(clock.instant().plusSeconds(getMaxClockSkew()))) {
                    throw new BadJWTException("iat lies in the future beyond the allowed clock skew");
                }
            }
        };
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The key the token's kid names; failing that, any configured key without a kid (a PEM key)
     * of the algorithm's type, as MP JWT verifies with a single configured key whatever the kid.
     */
    private static JWSKeySelector<SecurityContext> keySelector(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms) {
        JWSVerificationKeySelector<SecurityContext> byHeader = new JWSVerificationKeySelector<>(algorithms, keys);
        return (header, context) -> {
            if (!algorithms.contains(header.getAlgorithm())) {
                return List.of(); // no key for an algorithm not configured: the processor refuses the token
            }
            List<? extends Key> named = byHeader.selectJWSKeys(header, context);
            if (!named.isEmpty()) {
                return named;
            }
            JWKMatcher sameType = new JWKMatcher.Builder().keyType(KeyType.forAlgorithm(header.getAlgorithm())).build();
            List<JWK> withoutKid = keys.get(new JWKSelector(sameType), context).stream().filter(k -> k.getKeyID() == null).toList();
            return KeyConverter.toJavaKeys(withoutKid);
        };
    }

    /** 401 invalid_token for a token that does not verify, 403 insufficient_scope without the group. */
    public AdminPrincipal verify(String token) {
        AdminPrincipal principal = authenticate(token);
        if (!principal.groups().contains(group)) {
            throw new IssuerException(IssuerError.INSUFFICIENT_SCOPE, "the admin API requires group " + group);
        }
        return principal;
    }

    /**
     * For what only reads (the events API): the admin group or, when one is configured, the
     * auditors' group; otherwise as {@link #verify}.
     */
    public AdminPrincipal verifyReader(String token, Optional<String> auditorGroup) {
        AdminPrincipal principal = authenticate(token);
        if (!principal.groups().contains(group) && !auditorGroup.map(principal.groups()::contains).orElse(false)) {
            throw new IssuerException(IssuerError.INSUFFICIENT_SCOPE, "reading requires group " + group
                    + auditorGroup.map(a -> " or " + a).orElse(""));
        }
        return principal;
    }

    private AdminPrincipal authenticate(String token) {
        JWTClaimsSet claims;
        try {
            JoseJson.requireJwsObjects(token, IssuerError.INVALID_TOKEN);
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            // RuntimeException includes JoseJson's refusal: it gets the same answer as every other bad token
            // the reason goes to the log only: it would tell a prober which check to beat next
            LOG.fine(() -> "Admin token refused: " + e.getMessage());
            throw new IssuerException(IssuerError.INVALID_TOKEN, "the admin access token is not valid");
        }
        String name = firstString(claims, "upn", "preferred_username", "sub")
                .orElseThrow(() -> new IssuerException(IssuerError.INVALID_TOKEN, "the admin access token names nobody"));
        return new AdminPrincipal(name, groups(claims));
    }

    // MP JWT 2.1 §5.1.3: the principal's name is upn, else preferred_username, else sub
    private static Optional<String> firstString(JWTClaimsSet claims, String... names) {
        for (String name : names) {
            if (claims.getClaim(name) instanceof String value && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Set<String> groups(JWTClaimsSet claims) {
        try {
            List<String> groups = claims.getStringListClaim("groups");
            return groups == null ? Set.of() : Set.copyOf(groups.stream().filter(g -> g != null).toList());
        } catch (ParseException e) {
            return Set.of();
        }
    }
}
