package org.openissuer.encryption.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Settings of credential request and response encryption (OID4VCI 1.0 §10), checked at deployment. */
@ApplicationScoped
public class EncryptionSettings implements Settings {

    static final String REQUEST_REQUIRED = "issuer.encryption.request-required";
    static final String RESPONSE_REQUIRED = "issuer.encryption.response-required";
    static final String DRAFT13_PLAINTEXT = "issuer.encryption.draft13-plaintext-response-request";

    private final String requestRequired;
    private final String responseRequired;
    private final String draft13Plaintext;
    private EncryptionPolicy policy;

    /** For the CDI proxy only. */
    protected EncryptionSettings() {
        this("false", "false", "true");
    }

    // read as text: MicroProfile Config turns any typo into false, and a typo here weakens security
    @Inject
    public EncryptionSettings(@ConfigProperty(name = REQUEST_REQUIRED) String requestRequired,
            @ConfigProperty(name = RESPONSE_REQUIRED) String responseRequired,
            @ConfigProperty(name = DRAFT13_PLAINTEXT) String draft13Plaintext) {
        this.requestRequired = requestRequired;
        this.responseRequired = responseRequired;
        this.draft13Plaintext = draft13Plaintext;
    }

    /** Called once, from Startup: fails the deployment on a flag that is neither true nor false. */
    @Override
    public void validate() {
        policy = new EncryptionPolicy(flag(REQUEST_REQUIRED, requestRequired), flag(RESPONSE_REQUIRED, responseRequired),
                flag(DRAFT13_PLAINTEXT, draft13Plaintext));
    }

    static boolean flag(String property, String value) {
        String v = value == null ? "" : value.strip();
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw new ConfigurationException(property, "must be true or false, is '" + value + "'");
    }

    public EncryptionPolicy policy() {
        return policy;
    }
}
