package org.openissuer.token.control;

import com.nimbusds.jose.JOSEObjectType;

/**
 * The shape of the access tokens the built-in authorization server issues (RFC 9068 JWT
 * profile): the token endpoint writes it, the credential endpoint reads it.
 */
public final class AccessTokenFormat {

    // RFC 9068 §2.1
    public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    public static final String AUTHORIZATION_DETAILS = "authorization_details";
    public static final String CLIENT_ID = "client_id";
    public static final String SCOPE = "scope";
    // RFC 9449 §6.1
    public static final String CONFIRMATION = "cnf";
    public static final String THUMBPRINT = "jkt";
    /** The credential offer whose pre-authorized code the token was exchanged for. */
    public static final String OFFER_ID = "offer_id";

    private AccessTokenFormat() {
    }
}
