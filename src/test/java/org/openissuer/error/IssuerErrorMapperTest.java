package org.openissuer.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class IssuerErrorMapperTest {

    private final List<Object> recorded = new ArrayList<>();

    private final RefusalRecorder recorder = new RefusalRecorder() {
        @Override
        public void refused(IssuerException refusal) {
            recorded.add(refusal);
        }

        @Override
        public void failed(Throwable fault) {
            recorded.add(fault);
        }
    };

    @Test
    void everyRefusalIsHandedToTheRecorderOnce() {
        IssuerException refusal = new IssuerException(IssuerError.INVALID_GRANT, "unknown code");
        Response response = new IssuerErrorMapper(recorder).toResponse(refusal);
        assertEquals(400, response.getStatus());
        assertEquals(List.of(refusal), recorded);
    }

    @Test
    void theResponseCarriesTheExceptionsNonceAndRetryAfter() {
        Response nonce = new IssuerErrorMapper(recorder).toResponse(
                new IssuerException(IssuerError.USE_DPOP_NONCE, "nonce required").withDPoPNonce("n-1"));
        assertEquals("n-1", nonce.getHeaderString(ErrorResponses.DPOP_NONCE));
        assertNull(nonce.getHeaderString("Retry-After"));
        Response limited = new IssuerErrorMapper(recorder).toResponse(
                IssuerException.retryAfter(IssuerError.TEMPORARILY_UNAVAILABLE, "slow down", 0));
        assertEquals(429, limited.getStatus());
        assertEquals("1", limited.getHeaderString("Retry-After"), "never less than a second");
        assertEquals("no-store", limited.getHeaderString("Cache-Control"));
    }

    @Test
    void aFaultIsHandedToTheRecorderButARoutingFailureIsNot() {
        IllegalStateException fault = new IllegalStateException("boom");
        Response failed = new UnexpectedErrorMapper(recorder).toResponse(fault);
        assertEquals(500, failed.getStatus());
        Response notFound = new UnexpectedErrorMapper(recorder).toResponse(new jakarta.ws.rs.NotFoundException());
        assertEquals(404, notFound.getStatus());
        assertEquals(1, recorded.size());
        assertSame(fault, recorded.get(0));
        assertTrue(failed.getEntity().toString().contains("\"error\":\"server_error\""));
    }
}
