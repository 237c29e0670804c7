package org.openissuer.bench;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.sdjwt.control.SdJwtVcIssuer;
import org.openissuer.sdjwt.entity.IssuedSdJwt;
import org.openissuer.sdjwt.entity.SdJwtVcRequest;
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
 * SdJwtVcIssuer.issue for the built-in IdentityCredential with every claim filled: salts and
 * disclosures (7 selectively disclosable claims, country is not), decoy digests, the cnf of a holder key, one ES256
 * signature on BouncyCastle, the audit digest of the whole SD-JWT.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SdJwtIssueBench {

    // issuer.credential.decoys: 2 is the default
    @Param({"2"})
    public int decoys;

    private SdJwtVcIssuer issuer;
    private SdJwtVcRequest request;

    @Setup
    public void setUp() {
        CredentialConfiguration configuration = HotPath.identityCredential();
        ECKey holder = TestKeys.p256WithoutKid();
        issuer = new SdJwtVcIssuer(TestKeys.p256("issuer-key-1"), java.util.List.of(), Clock.systemUTC(), decoys);
        request = new SdJwtVcRequest(HotPath.ISSUER, configuration.vct(), SdJwtVcRequest.TYP_DC_SD_JWT,
                configuration.validity(), holder.toPublicJWK(), configuration.claims(), HotPath.identitySubject());
        if (issuer.issue(request).disclosedClaims().size() != configuration.claims().size()) {
            throw new IllegalStateException("the subject data should fill every claim of the configuration");
        }
    }

    @Benchmark
    public IssuedSdJwt issue() {
        return issuer.issue(request);
    }
}
