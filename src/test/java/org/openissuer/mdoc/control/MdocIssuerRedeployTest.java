package org.openissuer.mdoc.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import org.openissuer.mdoc.entity.MdocRequest;
import org.openissuer.testsupport.TestCertificates;
import org.openissuer.testsupport.TestKeys;

/**
 * Issuing leaves nothing of the application behind in the JVM (docs/testing.md, redeploy leaks):
 * the CBOR library and the BouncyCastle signer register no JCA provider and keep nothing in the issuing
 * thread. The issuer runs in a class loader of its own, as a deployment does, on a thread that
 * stays alive afterwards, as a pooled server thread does; once the loader is dropped it must be
 * collectable.
 */
class MdocIssuerRedeployTest {

    @Test
    void anUndeployedIssuerIsCollectedWhileItsThreadLivesOn() throws Exception {
        ECKey signer = TestKeys.p256("ds");
        X509Certificate certificate = TestCertificates.selfSigned(signer, "ds");
        var providers = Security.getProviders();
        CountDownLatch issued = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();

        WeakReference<ClassLoader> deployment = deployAndIssue(signer.toJSONString(), certificate, issued, release, failure);
        issued.await();
        try {
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            assertArrayEquals(providers, Security.getProviders(), "a JCA provider was registered globally");
            for (int i = 0; i < 20 && deployment.get() != null; i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertNull(deployment.get(), "the undeployed issuer's class loader is still reachable");
        } finally {
            release.countDown();
        }
    }

    private static WeakReference<ClassLoader> deployAndIssue(String signingKey, X509Certificate certificate,
            CountDownLatch issued, CountDownLatch release, AtomicReference<Throwable> failure) throws Exception {
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classPath.add(java.nio.file.Path.of(entry).toUri().toURL());
        }
        URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        @SuppressWarnings("unchecked")
        AtomicReference<Consumer<Object[]>> probe = new AtomicReference<>((Consumer<Object[]>) loader
                .loadClass(Probe.class.getName()).getDeclaredConstructor().newInstance());
        Thread pooled = new Thread(() -> {
            try {
                // the thread's own code lets go of the deployment's object once done with it
                probe.getAndSet(null).accept(new Object[] {signingKey, certificate});
            } catch (Throwable e) {
                failure.set(e);
            }
            issued.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // as a server's pooled thread, created before the deployment: not inheriting its loader
        pooled.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        pooled.start();
        issued.await();
        loader.close();
        return new WeakReference<>(loader);
    }

    /** Runs inside the deployment's class loader: every class it touches is that loader's copy. */
    public static final class Probe implements Consumer<Object[]> {
        @Override
        public void accept(Object[] args) {
            try {
                ECKey key = ECKey.parse((String) args[0]);
                MdocIssuer issuer = new MdocIssuer(key, List.of((X509Certificate) args[1]), Clock.systemUTC());
                ECKey holder = new ECKeyGenerator(Curve.P_256).generate();
                issuer.issue(new MdocRequest(MdocFixtures.PID, MdocFixtures.PID_ELEMENTS, MdocFixtures.pidData(),
                        holder.toPublicJWK(), Duration.ofDays(1), Optional.empty()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
