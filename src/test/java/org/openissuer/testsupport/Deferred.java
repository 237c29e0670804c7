package org.openissuer.testsupport;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

/** Deferred issuance over HTTP (OID4VCI 1.0 §8.3, §9), as the back office and a wallet drive it. */
public final class Deferred {

    public static final String PATH = "/oid4vci/deferred_credential";
    public static final String ADMIN_PATH = "/admin/deferred-credentials";
    /** The offer's claims lack the mandatory birthdate: the approval supplies it. */
    public static final String PARTIAL_CLAIMS = "{'given_name': 'Erika', 'family_name': 'Mustermann'}";
    public static final String FINAL_CLAIMS = "{\"claims\": {\"given_name\": \"Erika\", \"family_name\": \"Mustermann\","
            + " \"birthdate\": \"1964-08-12\"}}";

    private Deferred() {
    }

    /** A wallet's redeemed deferred offer: the subject, the access token, and the keys it will prove. */
    public record Redeemed(String subject, String offerId, String token) {
    }

    /** Creates a deferred IdentityCredential offer with partial claims and redeems its code; extra is JSON members or "". */
    public static Redeemed redeemedOffer(String subject, String extra) {
        String body = ("{'credential_configuration_ids': ['IdentityCredential'], 'subject': '" + subject
                + "', 'issuance': 'deferred', 'claims': " + PARTIAL_CLAIMS + extra + "}").replace('\'', '"');
        HttpResponse<String> created = Offers.post(body);
        if (created.statusCode() != 201) {
            throw new AssertionError("deferred offer not created: " + created.statusCode() + " " + created.body());
        }
        JsonObject offer = Http.json(created);
        HttpResponse<String> token = Offers.redeem(Offers.code(offer), null);
        if (token.statusCode() != 200) {
            throw new AssertionError("code not redeemed: " + token.body());
        }
        return new Redeemed(subject, offer.getString("id"), Http.json(token).getString("access_token"));
    }

    /** The credential request: 202 expected, with the given holder keys. */
    public static HttpResponse<String> request(String token, List<ECKey> holders) {
        return Wallet.post(token, Wallet.request(Wallet.nonce(), holders));
    }

    public static HttpResponse<String> poll(String token, String transactionId) {
        return poll("Bearer " + token, body(transactionId), "application/json");
    }

    public static HttpResponse<String> poll(String authorization, String body, String contentType) {
        return Http.post(PATH, body, "Authorization", authorization, "Content-Type", contentType);
    }

    public static String body(String transactionId) {
        return "{\"transaction_id\":\"" + transactionId + "\"}";
    }

    public static HttpResponse<String> approve(String id, String body) {
        return Http.post(ADMIN_PATH + "/" + id + "/approve", body, "Content-Type", "application/json",
                "Authorization", AdminTokens.token().bearer());
    }

    public static HttpResponse<String> reject(String id, String reason) {
        return Http.post(ADMIN_PATH + "/" + id + "/reject", "{\"reason\":\"" + reason + "\"}",
                "Content-Type", "application/json", "Authorization", AdminTokens.token().bearer());
    }

    public static HttpResponse<String> list(String query) {
        return Http.get(ADMIN_PATH + query, "Authorization", AdminTokens.token().bearer());
    }

    /** The public id of the subject's one deferred transaction, from its credential_deferred row. */
    public static String idOf(String subject) throws SQLException {
        List<String> ids = column(subject, "SELECT deferred_id FROM issuance_event WHERE subject = ?"
                + " AND event = 'credential_deferred' ORDER BY id");
        if (ids.size() != 1) {
            throw new AssertionError("expected one deferred transaction of " + subject + ", found " + ids);
        }
        return ids.get(0);
    }

    /** The audit rows of one deferred transaction as "event endpoint error_code", in order. */
    public static List<String> trail(String deferredId) throws SQLException {
        return column(deferredId, "SELECT event || ' ' || endpoint || ' ' || coalesce(error_code, '-')"
                + " FROM issuance_event WHERE deferred_id = ? ORDER BY id");
    }

    public static List<String> column(String value, String sql) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, value);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }
}
