package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openissuer.testsupport.IsolatedLoad;
import org.openissuer.testsupport.TestKeys;

/**
 * Generating the development certificates (BouncyCastle's PKIX classes) as the first thing a
 * deployment does leaves nothing of it in the pooled thread that ran it, as JwsCryptoThreadStateTest
 * checks for loading our crypto.
 */
class DevelopmentCertificatesThreadStateTest {

    @TempDir
    Path data;

    @Test
    void generatingLeavesNoBouncyCastleParametersInTheThread() throws Exception {
        String key = TestKeys.p256("signing-1").toJSONString();
        Object left = IsolatedLoad.bouncyCastleThreadProperties(deployment -> {
            Class<?> ecKey = Class.forName("com.nimbusds.jose.jwk.ECKey", true, deployment);
            Object active = ecKey.getMethod("parse", String.class).invoke(null, key);
            Class<?> sources = Class.forName(CertificateChainLoader.Sources.class.getName(), true, deployment);
            Object none = sources.getConstructors()[0].newInstance(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            Class<?> loader = Class.forName(CertificateChainLoader.class.getName(), true, deployment);
            loader.getMethod("load", sources, ecKey, String.class, Path.class, Instant.class)
                    .invoke(null, none, active, "https://issuer.example.com", data, Instant.now());
        });
        assertEquals(Map.of(), left, "BouncyCastle parameters left in the generating thread");
    }
}
