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
public class IssuerSettings {

    static final String ISSUER_URL = "issuer.url";
    static final String BATCH_SIZE = "issuer.batch-size";
    static final String NONCE_LIFETIME = "issuer.nonce.lifetime-seconds";

    @Inject
    @ConfigProperty(name = ISSUER_URL, defaultValue = "https://localhost:9443")
    String issuerUrl;

    @Inject
    @ConfigProperty(name = "issuer.authorization-servers")
    Optional<List<String>> authorizationServers;

    @Inject
    @ConfigProperty(name = "issuer.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = BATCH_SIZE, defaultValue = "10")
    int batchSize;

    @Inject
    @ConfigProperty(name = NONCE_LIFETIME, defaultValue = "300")
    long nonceLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "issuer.nonce.purge-interval-seconds", defaultValue = "60")
    long noncePurgeIntervalSeconds;

    private IssuerIdentifier identifier;

    /** Fails the deployment on a setting that cannot work. */
    public void validate() {
        identifier = IssuerIdentifier.parse(issuerUrl, ISSUER_URL);
        if (batchSize < 1 || batchSize > 100) {
            throw new ConfigurationException(BATCH_SIZE, "must be between 1 and 100, is " + batchSize);
        }
        if (nonceLifetimeSeconds < 10 || nonceLifetimeSeconds > 86_400) {
            throw new ConfigurationException(NONCE_LIFETIME, "must be between 10 and 86400 seconds, is " + nonceLifetimeSeconds);
        }
        authorizationServers().forEach(as -> IssuerIdentifier.parse(as, "issuer.authorization-servers"));
    }

    public IssuerIdentifier identifier() {
        if (identifier == null) {
            validate();
        }
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
