package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toURL());
        }
        String key = TestKeys.p256("signing-1").toJSONString();
        AtomicReference<Object> left = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (URLClassLoader deployment = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread pooled = new Thread(() -> {
                try {
                    Class<?> ecKey = Class.forName("com.nimbusds.jose.jwk.ECKey", true, deployment);
                    Object active = ecKey.getMethod("parse", String.class).invoke(null, key);
                    Class<?> sources = Class.forName(CertificateChainLoader.Sources.class.getName(), true, deployment);
                    Object none = sources.getConstructors()[0].newInstance(Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty());
                    Class<?> loader = Class.forName(CertificateChainLoader.class.getName(), true, deployment);
                    loader.getMethod("load", sources, ecKey, String.class, Path.class, Instant.class)
                            .invoke(null, none, active, "https://issuer.example.com", data, Instant.now());
                    Field field = Class.forName("org.bouncycastle.crypto.CryptoServicesRegistrar", true, deployment)
                            .getDeclaredField("threadProperties");
                    field.setAccessible(true);
                    left.set(((ThreadLocal<?>) field.get(null)).get());
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            pooled.start();
            pooled.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(Map.of(), left.get(), "BouncyCastle parameters left in the generating thread");
    }
}
