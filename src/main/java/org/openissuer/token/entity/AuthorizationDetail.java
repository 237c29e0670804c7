package org.openissuer.token.entity;

import java.util.List;

/**
 * One {@code openid_credential} entry of a token's {@code authorization_details}
 * (OID4VCI 1.0 §5.1.1, §6.2): a configuration and the credential identifiers that stand for it.
 */
public record AuthorizationDetail(String credentialConfigurationId, List<String> credentialIdentifiers) {

    public static final String TYPE = "openid_credential";

    public AuthorizationDetail {
        credentialIdentifiers = List.copyOf(credentialIdentifiers);
    }
}
