package org.openissuer.credential.control;

import jakarta.json.JsonObject;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.credential.entity.IssuanceMode;
import org.openissuer.token.entity.AccessToken;

/**
 * Where the data a credential attests comes from. One source per kind of token: the claims a
 * back-office system bound to a pre-authorized offer, or the claims of an external
 * authorization server's token for self-attested credentials.
 */
public interface SubjectClaimSource {

    boolean supports(AccessToken token);

    /**
     * The subject's data for one configuration, shaped like the configuration's claims (nested
     * objects, arrays). The issuance keeps only the configured claims and refuses the request
     * when a mandatory one is missing.
     */
    JsonObject claims(AccessToken token, CredentialConfiguration configuration);

    /**
     * Whether the credentials are issued now or once the back office approved them (OID4VCI 1.0
     * §8.3); asked after {@link #claims}, whose checks it relies on.
     */
    default IssuanceMode mode(AccessToken token, CredentialConfiguration configuration) {
        return IssuanceMode.IMMEDIATE;
    }
}
