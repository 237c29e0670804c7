package org.openissuer.bench;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurationParser;
import org.openissuer.mdoc.control.MdocIssuer;
import org.openissuer.mdoc.entity.IssuedMdoc;
import org.openissuer.mdoc.entity.MdocElement;
import org.openissuer.mdoc.entity.MdocRequest;
import org.openissuer.testsupport.TestCertificates;
import org.openissuer.testsupport.TestKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * MdocIssuer.issue for the built-in mDL with the smoke test's data (12 elements, a portrait and a
 * driving privilege): CBOR items with random salts, their digests, the MSO with the holder's
 * COSE_Key and a status reference, one COSE_Sign1 (ES256), the audit digest; beside SdJwtIssueBench.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MdocIssueBench {

    private MdocIssuer issuer;
    private MdocRequest request;

    @Setup
    public void setUp() throws Exception {
        CredentialConfiguration mdl = CredentialConfigurationParser.parse(resource("/credential-configurations.json"),
                "built-in").configurations().get("org.iso.18013.5.1.mDL");
        JsonObject claims = Json.createReader(new StringReader(resource("/smoke/mdoc-offer.json"))).readObject()
                .getJsonObject("claims");
        ECKey signer = TestKeys.p256("issuer-key-1");
        issuer = new MdocIssuer(signer, List.of(TestCertificates.selfSigned(signer, "bench document signer")),
                Clock.systemUTC());
        List<MdocElement> elements = mdl.mdocElements();
        request = new MdocRequest(mdl.doctype().orElseThrow(), elements, claims, TestKeys.p256WithoutKid().toPublicJWK(),
                mdl.validity(), Optional.of(Json.createObjectBuilder().add("status_list", Json.createObjectBuilder()
                        .add("idx", 4711).add("uri", HotPath.ISSUER + "/status-lists/1")).build()));
        if (issuer.issue(request).disclosedElements().size() != elements.size()) {
            throw new IllegalStateException("the data should fill every element of the mDL");
        }
    }

    @Benchmark
    public IssuedMdoc issue() {
        return issuer.issue(request);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = MdocIssueBench.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
