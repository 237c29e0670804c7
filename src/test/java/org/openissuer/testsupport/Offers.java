package org.openissuer.testsupport;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.StringJoiner;

import jakarta.json.JsonObject;

/** Drives the pre-authorized code flow over HTTP, as the back office and a wallet would. */
public final class Offers {

    public static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    public static final String IDENTITY_CLAIMS = "{'given_name': 'Erika', 'family_name': 'Mustermann', 'birthdate': '1964-08-12',"
            + " 'address': {'locality': 'Berlin', 'country': 'DE'}}";

    private Offers() {
    }

    /** A body for POST /admin/credential-offers offering IdentityCredential, written with single quotes. */
    public static String identityOffer(String subject, String txCode) {
        return ("{'credential_configuration_ids': ['IdentityCredential'], 'subject': '" + subject + "', 'claims': "
                + IDENTITY_CLAIMS + (txCode == null ? "" : ", 'tx_code': " + txCode) + "}").replace('\'', '"');
    }

    public static HttpResponse<String> post(String json) {
        return Http.post("/admin/credential-offers", json, "Content-Type", "application/json",
                "Authorization", AdminTokens.token().bearer());
    }

    /** Creates an IdentityCredential offer and returns the 201 body; txCode is a JSON value or null. */
    public static JsonObject create(String subject, String txCode) {
        HttpResponse<String> response = post(identityOffer(subject, txCode));
        if (response.statusCode() != 201) {
            throw new AssertionError("offer not created: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    public static String code(JsonObject created) {
        return created.getJsonObject("credential_offer").getJsonObject("grants").getJsonObject(PRE_AUTHORIZED_GRANT)
                .getString("pre-authorized_code");
    }

    /** The path of the offer's credential_offer_uri on the issuer under test. */
    public static String referencePath(JsonObject created) {
        return created.getString("credential_offer_uri").substring(Http.base().length());
    }

    public static HttpResponse<String> redeem(String code, String txCode) {
        return token("grant_type", PRE_AUTHORIZED_GRANT, "pre-authorized_code", code, "tx_code", txCode);
    }

    /** POST /oid4vci/token with the name/value pairs form-encoded; a null value leaves its parameter out. */
    public static HttpResponse<String> token(String... pairs) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                form.add(encode(pairs[i]) + "=" + encode(pairs[i + 1]));
            }
        }
        return Http.post("/oid4vci/token", form.toString(), "Content-Type", "application/x-www-form-urlencoded");
    }

    /** Moves an offer's expiry into the past, as if its lifetime had run out. */
    public static void expire(String offerId) throws SQLException {
        try (Connection db = Database.connect();
                PreparedStatement sql = db.prepareStatement("UPDATE credential_offer SET created_at = now() - interval '2 hours',"
                        + " expires_at = now() - interval '1 hour' WHERE id = ?")) {
            sql.setString(1, offerId);
            if (sql.executeUpdate() != 1) {
                throw new AssertionError("no offer " + offerId);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
