package org.openissuer.credential.entity;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.openissuer.platform.Jsonp;

/** The 200 answer, in the shape of the dialect the wallet asked in. */
public record IssuanceResponse(Dialect dialect, String format, Optional<String> profile, List<String> credentials,
        Optional<String> freshNonce, long nonceExpiresIn) {

    public IssuanceResponse {
        credentials = List.copyOf(credentials);
    }

    public JsonObject toJson() {
        JsonObjectBuilder body = Jsonp.PROVIDER.createObjectBuilder();
        if (dialect == Dialect.V1) {
            // OID4VCI 1.0 §8.3: credentials is an array of objects, one per proof
            JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
            credentials.forEach(c -> list.add(Jsonp.PROVIDER.createObjectBuilder().add("credential", c)));
            return body.add("credentials", list).build();
        }
        // draft 13 §7.3: credential (one proof) or credentials (several), format, and the next c_nonce
        if (credentials.size() == 1) {
            body.add("credential", credentials.get(0));
        } else {
            JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
            credentials.forEach(list::add);
            body.add("credentials", list);
        }
        body.add("format", format);
        profile.ifPresent(p -> body.add("credential_profile", p));
        freshNonce.ifPresent(n -> body.add("c_nonce", n).add("c_nonce_expires_in", nonceExpiresIn));
        return body.build();
    }
}
