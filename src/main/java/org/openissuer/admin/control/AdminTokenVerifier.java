package org.openissuer.admin.control;

import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.openissuer.admin.entity.AdminPrincipal;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * Verifies the identity provider's tokens the way MicroProfile JWT 2.1 does (signature with the
 * configured algorithm, iss, aud, exp, iat, nbf with clock skew) and requires the admin group.
 */
public class AdminTokenVerifier {

    private static final Logger LOG = Logger.getLogger(AdminTokenVerifier.class.getName());

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String group;

    public AdminTokenVerifier(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms, Optional<String> issuer,
            Optional<List<String>> audiences, int clockSkewSeconds, String group) {
        this.group = group;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        JWTClaimsSet exact = issuer.map(iss -> new JWTClaimsSet.Builder().issuer(iss).build())
                .orElseGet(() -> new JWTClaimsSet.Builder().build());
        // MP JWT 2.1 §4.1: exp and iat are required
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audiences.map(HashSet::new).orElse(null), exact, Set.of("exp", "iat"), null);
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** 401 invalid_token for a token that does not verify, 403 insufficient_scope without the group. */
    public AdminPrincipal verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            // the reason goes to the log only: it would tell a prober which check to beat next
            LOG.fine(() -> "Admin token refused: " + e.getMessage());
            throw new IssuerException(IssuerError.INVALID_TOKEN, "the admin access token is not valid");
        }
        String name = firstString(claims, "upn", "preferred_username", "sub")
                .orElseThrow(() -> new IssuerException(IssuerError.INVALID_TOKEN, "the admin access token names nobody"));
        Set<String> groups = groups(claims);
        if (!groups.contains(group)) {
            throw new IssuerException(IssuerError.INSUFFICIENT_SCOPE, "the admin API requires group " + group);
        }
        return new AdminPrincipal(name, groups);
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
