package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Loading our crypto leaves nothing of the application in the loading thread: on an application
 * server that thread is pooled and outlives the deployment, and anything of ours in its
 * ThreadLocals keeps the undeployed application's class loader in memory.
 */
class JwsCryptoThreadStateTest {

    @Test
    void initialisingLeavesNoBouncyCastleParametersInTheLoadingThread() throws Exception {
        // a class loader of its own, as a deployment has: JwsCrypto and BouncyCastle initialised afresh in it
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            classPath.add(java.nio.file.Path.of(entry).toUri().toURL());
        }
        AtomicReference<Object> left = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (URLClassLoader deployment = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread pooled = new Thread(() -> {
                try {
                    Class.forName(JwsCrypto.class.getName(), true, deployment);
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
        assertNotNull(left.get(), "BouncyCastle put its defaults into the thread when initialised (bcprov changed?)");
        assertEquals(Map.of(), left.get(), "BouncyCastle parameters left in the loading thread");
    }
}
