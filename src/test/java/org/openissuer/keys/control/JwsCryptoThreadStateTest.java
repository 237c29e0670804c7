package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.IsolatedLoad;

/**
 * Loading our crypto leaves nothing of the application in the loading thread: on an application
 * server that thread is pooled and outlives the deployment, and anything of ours in its
 * ThreadLocals keeps the undeployed application's class loader in memory.
 */
class JwsCryptoThreadStateTest {

    @Test
    void initialisingLeavesNoBouncyCastleParametersInTheLoadingThread() throws Exception {
        // a class loader of its own, as a deployment has: JwsCrypto and BouncyCastle initialised afresh in it
        Object left = IsolatedLoad.bouncyCastleThreadProperties(
                deployment -> Class.forName(JwsCrypto.class.getName(), true, deployment));
        assertNotNull(left, "BouncyCastle put its defaults into the thread when initialised (bcprov changed?)");
        assertEquals(Map.of(), left, "BouncyCastle parameters left in the loading thread");
    }
}
