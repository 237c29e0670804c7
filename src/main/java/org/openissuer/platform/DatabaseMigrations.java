package org.openissuer.platform;

import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies db/migrations with Flyway at deployment. Several instances starting at once are
 * serialised by Flyway's database lock. Set issuer.db.migrate=false where a DBA applies the
 * same files by hand with psql.
 */
@ApplicationScoped
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "java:comp/env/jdbc/issuer")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "issuer.db.migrate")
    boolean migrate;

    public void migrate(ServletContext context) {
        if (!migrate) {
            LOG.info("issuer.db.migrate=false: expecting the schema of db/migrations to be in place");
            return;
        }
        WebAppMigrationFiles files = new WebAppMigrationFiles(context);
        if (files.names().isEmpty()) {
            throw new IllegalStateException("the WAR holds no migrations in " + WebAppMigrationFiles.DIRECTORY);
        }
        MigrateResult result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .resourceProvider(files)
                .javaMigrationClassProvider(List::of)
                .callbackLocations(new String[0])
                .connectRetries(10)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
    }
}
