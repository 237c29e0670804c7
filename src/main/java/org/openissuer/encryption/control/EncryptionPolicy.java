package org.openissuer.encryption.control;

import java.util.Optional;

import org.openissuer.configuration.Dialect;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * When encryption is required (OID4VCI 1.0 §8.2, §10, §12.2.4 encryption_required).
 *
 * @param draft13PlaintextRequest drafts 13 to 15 had no request encryption: their wallets send
 *        credential_response_encryption in a plaintext request, which 1.0 forbids
 */
public record EncryptionPolicy(boolean requestRequired, boolean responseRequired, boolean draft13PlaintextRequest) {

    /** Checked before the body is parsed: a plaintext request where encryption is required. */
    public void checkRequest(boolean encrypted) {
        if (!encrypted && requestRequired) {
            // OID4VCI 1.0 §10: when encryption was required, an unencrypted message SHOULD be rejected
            throw invalid("this issuer requires encrypted credential requests (application/jwt)");
        }
    }

    /** Checked once the request is parsed. */
    public void checkResponse(boolean encryptedRequest, Dialect dialect, Optional<ResponseEncryptionParameters> response) {
        if (response.isEmpty()) {
            if (responseRequired) {
                // OID4VCI 1.0 §8.3.1.2: missing parameters where the issuer requires encrypted responses
                throw invalid("this issuer requires credential_response_encryption");
            }
            return;
        }
        if (!encryptedRequest && !(dialect.preV1() && draft13PlaintextRequest)) {
            // OID4VCI 1.0 §8.2: request encryption MUST be used with credential_response_encryption,
            // so that an attacker cannot substitute the key
            throw invalid("credential_response_encryption must be sent in an encrypted request (application/jwt)");
        }
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_ENCRYPTION_PARAMETERS, description);
    }
}
