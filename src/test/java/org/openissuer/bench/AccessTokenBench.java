package org.openissuer.bench;

import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.testsupport.TestKeys;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.control.BuiltInAccessTokens;
import org.openissuer.token.entity.AccessToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AccessTokens.verify on a token of the built-in authorization server (RFC 9068 at+jwt, ES256,
 * DPoP-bound, authorization_details): parse, issuer lookup, key selection by kid from the cached
 * JWK set, ES256 verification on BouncyCastle, claims checks, conversion to AccessToken; and the
 * same token again, which AccessTokens recognises until its exp.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccessTokenBench {

    private AccessTokens tokens;
    private String token;

    // a fresh token every iteration: exp never runs out, however long the run
    @Setup(Level.Iteration)
    public void setUp() throws JOSEException {
        ECKey asKey = TestKeys.p256("as-1");
        tokens = BuiltInAccessTokens.of(HotPath.ISSUER, asKey);
        token = HotPath.builtInAccessToken(asKey, TestKeys.p256WithoutKid().computeThumbprint().toString());
        tokens.verify(token);
    }

    /** The first request with a token: signature and claims. */
    @Benchmark
    public AccessToken verifyFirstSight() {
        return BuiltInAccessTokens.firstSight(tokens, token);
    }

    /** Every later request with it, until its exp: the verified token is known. */
    @Benchmark
    public AccessToken verifyKnown() {
        return tokens.verify(token);
    }
}
