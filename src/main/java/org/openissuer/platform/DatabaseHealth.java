package org.openissuer.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: without it no nonce can be issued or consumed. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:comp/env/jdbc/issuer")
    DataSource dataSource;

    /*
     * Created while the application starts, not at the first probe: WildFly runs health checks
     * on its management thread, where the application's java:comp/env is not bound, so creating
     * the bean (and injecting the data source) there fails (WFLYWELD0049).
     */
    void createAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // nothing to do: delivering the event creates the bean
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(TIMEOUT_SECONDS)).build();
        } catch (SQLException e) {
            // the reason stays in the log: health output is often public
            LOG.warning(() -> "Database not ready: " + e.getMessage());
            return HealthCheckResponse.down("database");
        }
    }
}
