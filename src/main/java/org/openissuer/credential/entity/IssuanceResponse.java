package org.openissuer.credential.entity;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.openissuer.configuration.Dialect;
import org.openissuer.platform.Jsonp;

/** The 200 answer, in the shape of the dialect the wallet asked in. */
public record IssuanceResponse(Dialect dialect, String format, Optional<String> profile, List<String> credentials,
        Optional<String> freshNonce, long nonceExpiresIn, Optional<String> notificationId) {

    public IssuanceResponse {
        credentials = List.copyOf(credentials);
    }

    public JsonObject toJson() {
        JsonObjectBuilder body = Jsonp.PROVIDER.createObjectBuilder();
        switch (dialect) {
            // OID4VCI 1.0 §8.3, draft 15 §8.3: credentials is an array of objects, one per proof
            case V1, DRAFT_15 -> body.add("credentials", credentialObjects());
            // drafts 13 and 15 both allow credential_identifier + proof: each reads its own members
            case DRAFT_13_OR_15 -> {
                body.add("credentials", credentialObjects()).add("credential", credentials.get(0));
                nonce(body);
            }
            case DRAFT_13 -> draft13(body);
        }
        // OID4VCI 1.0 §8.3, draft 15 §8.3, draft 13 §7.3: one notification_id for all credentials of the response
        notificationId.ifPresent(n -> body.add("notification_id", n));
        return body.build();
    }

    // draft 13 §7.3: credential; draft 14 §8.3: credentials (strings) for several proofs; format, next c_nonce
    private void draft13(JsonObjectBuilder body) {
        if (credentials.size() == 1) {
            body.add("credential", credentials.get(0));
        } else {
            JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
            credentials.forEach(list::add);
            body.add("credentials", list);
        }
        body.add("format", format);
        profile.ifPresent(p -> body.add("credential_profile", p));
        nonce(body);
    }

    private void nonce(JsonObjectBuilder body) {
        freshNonce.ifPresent(n -> body.add("c_nonce", n).add("c_nonce_expires_in", nonceExpiresIn));
    }

    private JsonArrayBuilder credentialObjects() {
        JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
        credentials.forEach(c -> list.add(Jsonp.PROVIDER.createObjectBuilder().add("credential", c)));
        return list;
    }
}
