package org.openissuer.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class BoundedBodyTest {

    private static InputStream body(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    @Test
    void readsUpToTheLimit() {
        assertArrayEquals(new byte[4], BoundedBody.bytes(body(new byte[4]), 4, IssuerError.INVALID_CREDENTIAL_REQUEST));
        assertEquals("é", BoundedBody.read(body("é".getBytes(StandardCharsets.UTF_8)), 2));
        assertArrayEquals(new byte[0], BoundedBody.bytes(null, 4, IssuerError.INVALID_REQUEST));
    }

    @Test
    void aLargerBodyIsTheCallersError() {
        IssuerException e = assertThrows(IssuerException.class,
                () -> BoundedBody.bytes(body(new byte[5]), 4, IssuerError.INVALID_CREDENTIAL_REQUEST));
        assertEquals(IssuerError.INVALID_CREDENTIAL_REQUEST, e.error());
        assertEquals(IssuerError.INVALID_REQUEST, assertThrows(IssuerException.class,
                () -> BoundedBody.read(body(new byte[5]), 4)).error());
    }

    @Test
    void neverReadsMoreThanOneByteBeyondTheLimit() {
        int[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'a';
            }
        };
        assertThrows(IssuerException.class, () -> BoundedBody.bytes(endless, 1024, IssuerError.INVALID_REQUEST));
        assertEquals(1025, read[0]);
    }

    @Test
    void anUnreadableOrUndecodableBodyIsRefused() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset by peer");
            }
        };
        assertEquals(IssuerError.INVALID_PROOF,
                assertThrows(IssuerException.class, () -> BoundedBody.bytes(broken, 8, IssuerError.INVALID_PROOF)).error());
        assertThrows(IssuerException.class, () -> BoundedBody.read(body(new byte[] {(byte) 0xff}), 8));
    }
}
