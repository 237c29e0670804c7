package org.openissuer.mdoc;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurationParser;
import org.openissuer.keys.control.CertificateChainLoader;
import org.openissuer.keys.entity.IssuerCertificates;
import org.openissuer.mdoc.control.MdocIssuer;
import org.openissuer.mdoc.entity.IssuedMdoc;
import org.openissuer.mdoc.entity.MdocElement;
import org.openissuer.mdoc.entity.MdocRequest;

/**
 * Writes the built-in mDL and EU PID, issued by the production code under a development chain,
 * with their holders' private keys and the root, for verifiers outside this project
 * (src/test/node/mdoc-crosscheck). Not a test: run by hand, see docs/mdoc.md.
 */
public final class MdocSamples {

    private MdocSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/mdoc-samples"));
        ECKey signing = new ECKeyGenerator(Curve.P_256).keyID("samples").generate();
        IssuerCertificates certificates = CertificateChainLoader.load(new CertificateChainLoader.Sources(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), signing, "https://issuer.example.com",
                Files.createDirectories(out.resolve("keys")), Instant.now());
        Files.writeString(out.resolve("root.pem"), pem(certificates.trustAnchor().orElseThrow()));
        var configurations = CredentialConfigurationParser.parse(resource("/credential-configurations.json"), "built-in")
                .configurations();
        JsonObject claims = Json.createReader(new StringReader(resource("/smoke/mdoc-offer.json"))).readObject()
                .getJsonObject("claims");
        MdocIssuer issuer = new MdocIssuer(signing, certificates.chain(), Clock.systemUTC());
        for (String id : List.of("org.iso.18013.5.1.mDL", "eu.europa.ec.eudi.pid_mso_mdoc")) {
            CredentialConfiguration configuration = configurations.get(id);
            ECKey holder = new ECKeyGenerator(Curve.P_256).generate();
            List<MdocElement> elements = configuration.mdocElements();
            IssuedMdoc issued = issuer.issue(new MdocRequest(configuration.doctype().orElseThrow(), elements, claims,
                    holder.toPublicJWK(), configuration.validity(), Optional.of(Json.createObjectBuilder()
                            .add("status_list", Json.createObjectBuilder().add("idx", 7)
                                    .add("uri", "https://issuer.example.com/status-lists/1")).build())));
            Files.writeString(out.resolve(id + ".b64"), issued.serialized());
            Files.writeString(out.resolve(id + ".holder.jwk"), holder.toJSONString());
        }
        System.out.println("mdoc samples written to " + out.toAbsolutePath());
    }

    private static String resource(String name) throws Exception {
        try (var in = MdocSamples.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }
}
