package org.openissuer.encryption.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.openissuer.configuration.Dialect;
import org.openissuer.encryption.entity.EncodedBody;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.keys.control.IssuerKeys;

/**
 * Request decryption and response encryption for the credential endpoint (and, later, the
 * deferred one): OID4VCI 1.0 §10. Errors are never encrypted; they leave as exceptions.
 */
@ApplicationScoped
public class MessageEncryption {

    public static final String JSON = "application/json";

    private final IssuerKeys keys;
    private final EncryptionSettings settings;

    @Inject
    public MessageEncryption(IssuerKeys keys, EncryptionSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    protected MessageEncryption() {
        this(null, null);
    }

    /** The JSON request: the body itself, or the plaintext of its JWE. */
    public byte[] open(byte[] body, boolean encrypted, int maxBytes) {
        settings.policy().checkRequest(encrypted);
        return encrypted ? RequestDecryption.decrypt(body, keys.encryptionKeys(), maxBytes) : body;
    }

    public void checkResponse(boolean encryptedRequest, Dialect dialect, Optional<ResponseEncryptionParameters> response) {
        settings.policy().checkResponse(encryptedRequest, dialect, response);
    }

    public EncodedBody encode(JsonObject body, Optional<ResponseEncryptionParameters> target) {
        return target.map(t -> new EncodedBody(ResponseEncryption.encrypt(body.toString(), t), ResponseEncryption.MEDIA_TYPE))
                .orElseGet(() -> new EncodedBody(body.toString(), JSON));
    }

    public JsonObject requestMetadata() {
        return EncryptionMetadata.request(keys.encryptionKeys(), settings.policy());
    }

    public JsonObject responseMetadata() {
        return EncryptionMetadata.response(settings.policy());
    }
}
