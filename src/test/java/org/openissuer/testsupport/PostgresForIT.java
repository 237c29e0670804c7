package org.openissuer.testsupport;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openissuer.devdb.DevDatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts one embedded PostgreSQL for the whole integration-test run, before Arquillian starts
 * Liberty (register it first). Skipped when -Dit.db.url points at an external database.
 */
public class PostgresForIT implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Boolean.parseBoolean(System.getProperty("it.db.embedded", "true"))) {
            return;
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PostgresForIT.class, key -> start(), Running.class);
    }

    private static Running start() {
        try {
            Path dir = Path.of(System.getProperty("it.db.dir", "target/it-postgres"));
            int port = Integer.parseInt(System.getProperty("it.db.port", "25432"));
            return new Running(DevDatabase.start(dir, port, true));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL for the integration tests", e);
        }
    }

    /** Closed by JUnit when the root context closes, i.e. after every test class has run. */
    record Running(EmbeddedPostgres postgres) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            postgres.close();
        }
    }
}
