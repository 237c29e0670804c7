package org.openissuer.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;

import org.openissuer.proof.control.JwtProofVerifier;
import org.openissuer.proof.control.ProofRules;
import org.openissuer.proof.entity.VerifiedProof;
import org.openissuer.testsupport.ProofJwt;
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
 * JwtProofVerifier.verify on valid proofs (OID4VCI 1.0 Appendix F.1): parse, header checks,
 * Nimbus's processor with the key from the jwk header, ES256 verification, iat window, thumbprint.
 * Each holder key is a different wallet; the proofs are re-made every iteration so iat stays fresh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProofBench {

    private static final int POOL = 16;

    // the production rules for the built-in configuration: its algs, the default iat window of 120 s
    private final ProofRules rules = new ProofRules(HotPath.ISSUER, Set.of(JWSAlgorithm.ES256), Optional.empty(),
            Duration.ofSeconds(120));
    private final JwtProofVerifier verifier = new JwtProofVerifier(Clock.systemUTC());
    private final String[] proofs = new String[POOL];
    private int next;

    @Setup(Level.Iteration)
    public void makeProofs() {
        for (int i = 0; i < POOL; i++) {
            proofs[i] = ProofJwt.signedBy(TestKeys.p256WithoutKid()).audience(HotPath.ISSUER)
                    .nonce("wR3vT8kLp2QmN5xZ7cY1bH4jF6gD9sA0eU2iO8uYtRe").build();
            verifier.verify(proofs[i], rules);
        }
    }

    @Benchmark
    public VerifiedProof verify() {
        String proof = proofs[next++ & (POOL - 1)];
        return verifier.verify(proof, rules);
    }
}
