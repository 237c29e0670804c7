package org.openissuer.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.testsupport.TestKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ES256 through Nimbus on the JDK's default provider (SunEC), on BouncyCastle fed JDK key objects,
 * and on BouncyCastle as JwsCrypto hands it to Nimbus: the figures behind keys/control/JwsCrypto. BouncyCastle is never installed
 * JVM-wide, so "jdk" really is SunEC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Es256Bench {

    /** jdk: SunEC; bouncycastle-jdk-keys: BouncyCastle fed the JDK's key objects; bouncycastle: as JwsCrypto does it. */
    @Param({"jdk", "bouncycastle-jdk-keys", "bouncycastle"})
    public String provider;

    private final JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dc+sd-jwt"))
            .keyID("issuer-key-1").build();
    // about the size of a credential's signing input
    private final byte[] signingInput = (header.toBase64URL() + "." + Base64URL.encode("x".repeat(900)))
            .getBytes(StandardCharsets.US_ASCII);
    private ECDSASigner signer;
    private ECDSAVerifier verifier;
    private Base64URL signature;

    @Setup
    public void setUp() throws JOSEException {
        ECKey key = TestKeys.p256("issuer-key-1");
        signer = new ECDSASigner(key);
        verifier = new ECDSAVerifier(key.toPublicJWK());
        if ("bouncycastle-jdk-keys".equals(provider)) {
            signer.getJCAContext().setProvider(JwsCrypto.provider());
            verifier.getJCAContext().setProvider(JwsCrypto.provider());
        } else if ("bouncycastle".equals(provider)) {
            signer = JwsCrypto.signer(key);
            verifier = new ECDSAVerifier((java.security.interfaces.ECPublicKey) JwsCrypto.publicKey(key.toPublicJWK()));
            verifier.getJCAContext().setProvider(JwsCrypto.provider());
        }
        signature = signer.sign(header, signingInput);
        if (!verifier.verify(header, signingInput, signature)) {
            throw new IllegalStateException("the signature does not verify");
        }
    }

    @Benchmark
    public Base64URL sign() throws JOSEException {
        return signer.sign(header, signingInput);
    }

    @Benchmark
    public boolean verify() throws JOSEException {
        return verifier.verify(header, signingInput, signature);
    }
}
