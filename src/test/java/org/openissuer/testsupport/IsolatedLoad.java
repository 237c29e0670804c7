package org.openissuer.testsupport;

import java.io.File;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs code in a class loader of its own, on a fresh thread, as a deployment's first request
 * would: what it leaves in the thread outlives the deployment in a pooled server thread.
 */
public final class IsolatedLoad {

    /** Work done with the isolated loader, which loads the classes by name. */
    public interface Work {
        void run(ClassLoader deployment) throws Exception;
    }

    private IsolatedLoad() {
    }

    /** The work's leftovers in BouncyCastle's thread-local defaults (CryptoServicesRegistrar.threadProperties). */
    public static Object bouncyCastleThreadProperties(Work work) throws Exception {
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toURL());
        }
        AtomicReference<Object> left = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (URLClassLoader deployment = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread pooled = new Thread(() -> {
                try {
                    work.run(deployment);
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
        return left.get();
    }
}
