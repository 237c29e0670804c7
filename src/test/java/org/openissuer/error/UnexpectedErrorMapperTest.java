package org.openissuer.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class UnexpectedErrorMapperTest {

    private static Response map(Throwable failure) {
        return new UnexpectedErrorMapper().toResponse(failure);
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() {
        for (Throwable outage : new Throwable[] {
                new PersistenceException(new RuntimeException(new SQLException("Connection refused", "08001"))),
                new IllegalStateException(new SQLTransientConnectionException("J2CA0045E: connection wait timeout")),
                new RuntimeException(new SQLException("I/O error", "08006"))}) {
            Response response = map(outage);
            assertEquals(503, response.getStatus());
            assertEquals("5", response.getHeaderString("Retry-After"));
            assertEquals("no-store", response.getHeaderString("Cache-Control"));
            assertTrue(response.getEntity().toString().contains("\"error\":\"temporarily_unavailable\""));
        }
    }

    @Test
    void otherFaultsStayServerErrors() {
        Response response = map(new PersistenceException(new SQLException("duplicate key", "23505")));
        assertEquals(500, response.getStatus());
        assertFalse(response.getHeaders().containsKey("Retry-After"));
        assertTrue(response.getEntity().toString().contains("server_error"));
    }
}
