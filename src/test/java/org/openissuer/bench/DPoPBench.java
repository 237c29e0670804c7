package org.openissuer.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.dpop.control.DPoPRules;
import org.openissuer.dpop.control.DPoPVerifier;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.TestKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DPoPVerifier.verify on valid proofs at the credential endpoint (RFC 9449 §4.3, §7.1): signature,
 * htm, htu, iat window and ath over a real access token of the built-in server. The jti replay
 * check is the database's (NonceAuditBench). Proofs are re-made every iteration so iat stays fresh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DPoPBench {

    private static final int POOL = 16;

    // the production defaults: DPoPSettings' algorithms and iat window of 60 s
    private final DPoPVerifier verifier = new DPoPVerifier(Clock.systemUTC(), Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.PS256, JWSAlgorithm.RS256), Duration.ofSeconds(60));
    private final String[] proofs = new String[POOL];
    private final DPoPRules[] rules = new DPoPRules[POOL];
    private int next;

    @Setup(Level.Iteration)
    public void makeProofs() throws JOSEException {
        ECKey asKey = TestKeys.p256("as-1");
        for (int i = 0; i < POOL; i++) {
            ECKey wallet = TestKeys.p256WithoutKid();
            String token = HotPath.builtInAccessToken(asKey, wallet.computeThumbprint().toString());
            proofs[i] = DPoPJwt.signedBy(wallet).htu(HotPath.CREDENTIAL_ENDPOINT).accessToken(token).build();
            rules[i] = new DPoPRules("POST", HotPath.CREDENTIAL_ENDPOINT, Optional.of(token), Optional.empty());
            verifier.verify(proofs[i], rules[i]);
        }
    }

    @Benchmark
    public DPoPProof verify() {
        int i = next++ & (POOL - 1);
        return verifier.verify(proofs[i], rules[i]);
    }
}
