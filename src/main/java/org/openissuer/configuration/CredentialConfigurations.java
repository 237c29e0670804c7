package org.openissuer.configuration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;

/** The credential configurations this issuer offers, loaded and validated at deployment. */
@ApplicationScoped
public class CredentialConfigurations {

    static final String BUILT_IN = "/credential-configurations.json";
    private static final Logger LOG = Logger.getLogger(CredentialConfigurations.class.getName());

    @Inject
    @ConfigProperty(name = CredentialConfigurationParser.PROPERTY)
    Optional<String> file;

    private CredentialConfigurationParser.Parsed parsed;

    public void load() {
        if (file.isPresent() && !file.get().isBlank()) {
            Path path = Path.of(file.get());
            try {
                parsed = CredentialConfigurationParser.parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
            } catch (IOException e) {
                throw new ConfigurationException(CredentialConfigurationParser.PROPERTY, "cannot read " + path, e);
            }
        } else {
            parsed = CredentialConfigurationParser.parse(builtIn(), "built-in example " + BUILT_IN);
            LOG.warning(() -> "Using the built-in example credential configurations; set "
                    + CredentialConfigurationParser.PROPERTY + " (ISSUER_CREDENTIAL_CONFIGURATIONS) to your own file");
        }
        LOG.info(() -> "Credential configurations: " + parsed.configurations().keySet());
    }

    private static String builtIn() {
        try (InputStream in = CredentialConfigurations.class.getResourceAsStream(BUILT_IN)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the WAR lacks " + BUILT_IN, e);
        }
    }

    public Map<String, CredentialConfiguration> all() {
        return parsed.configurations();
    }

    public Optional<CredentialConfiguration> byId(String id) {
        return Optional.ofNullable(parsed.configurations().get(id));
    }

    public JsonArray issuerDisplay() {
        return parsed.issuerDisplay();
    }
}
