package org.openissuer.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer-wide settings, read once through MicroProfile Config (so each one can be set
 * as an environment variable: issuer.url is ISSUER_URL) and checked at deployment.
 */
@ApplicationScoped
public class IssuerSettings implements Settings {

    static final String ISSUER_URL = "issuer.url";
    static final String BATCH_SIZE = "issuer.batch-size";
    static final String NONCE_LIFETIME = "issuer.nonce.lifetime-seconds";
    static final String NONCE_PURGE_INTERVAL = "issuer.nonce.purge-interval-seconds";
    static final String AUTHORIZATION_SERVERS = "issuer.authorization-servers";
    static final String DATA_DIR = "issuer.data.dir";

    private final String issuerUrl;
    private final Optional<List<String>> authorizationServers;
    private final String dataDir;
    private final int batchSize;
    private final long nonceLifetimeSeconds;
    private final long noncePurgeIntervalSeconds;
    private IssuerIdentifier identifier;

    /** For the CDI proxy, and for tests that override what they need. */
    protected IssuerSettings() {
        this("", Optional.empty(), "", 0, 0, 0);
    }

    @Inject
    public IssuerSettings(@ConfigProperty(name = ISSUER_URL) String issuerUrl,
            @ConfigProperty(name = AUTHORIZATION_SERVERS) Optional<List<String>> authorizationServers,
            @ConfigProperty(name = DATA_DIR) String dataDir, @ConfigProperty(name = BATCH_SIZE) int batchSize,
            @ConfigProperty(name = NONCE_LIFETIME) long nonceLifetimeSeconds,
            @ConfigProperty(name = NONCE_PURGE_INTERVAL) long noncePurgeIntervalSeconds) {
        this.issuerUrl = issuerUrl;
        this.authorizationServers = authorizationServers;
        this.dataDir = dataDir;
        this.batchSize = batchSize;
        this.nonceLifetimeSeconds = nonceLifetimeSeconds;
        this.noncePurgeIntervalSeconds = noncePurgeIntervalSeconds;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        identifier = IssuerIdentifier.parse(issuerUrl, ISSUER_URL);
        ConfigurationException.requireBetween(BATCH_SIZE, batchSize, 1, 100);
        ConfigurationException.requireBetween(NONCE_LIFETIME, nonceLifetimeSeconds, 10, 86_400, "seconds");
        authorizationServers().forEach(as -> IssuerIdentifier.parse(as, AUTHORIZATION_SERVERS));
    }

    public IssuerIdentifier identifier() {
        return identifier;
    }

    /** Set explicitly, the list replaces the one derived from the trusted authorization servers. */
    public Optional<List<String>> configuredAuthorizationServers() {
        return authorizationServers.filter(l -> !l.isEmpty());
    }

    public List<String> authorizationServers() {
        return authorizationServers.filter(l -> !l.isEmpty()).orElseGet(() -> List.of(issuerUrl));
    }

    public Path dataDir() {
        return Path.of(dataDir);
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration nonceLifetime() {
        return Duration.ofSeconds(nonceLifetimeSeconds);
    }

    public Duration noncePurgeInterval() {
        return Duration.ofSeconds(Math.max(1, noncePurgeIntervalSeconds));
    }

    /** OID4VCI 1.0 §12.2.1: an https URL with scheme, host, optional port and path, no query or fragment. */
    public record IssuerIdentifier(String value, String path) {

        static IssuerIdentifier parse(String value, String property) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new ConfigurationException(property, "'" + value + "' is not a URL");
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigurationException(property, "'" + value + "' must be an absolute https URL (http only for development)");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new ConfigurationException(property, "'" + value + "' must not have a query, fragment or user info");
            }
            if (value.endsWith("/")) {
                throw new ConfigurationException(property, "'" + value + "' must not end with '/': wallets compare it character by character");
            }
            return new IssuerIdentifier(value, uri.getRawPath() == null ? "" : uri.getRawPath());
        }

        public String endpoint(String relative) {
            return value + relative;
        }
    }
}
