package org.openissuer.credential.entity;

import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.openissuer.platform.Jsonp;

/**
 * The 202 answer: the credentials are not ready (OID4VCI 1.0 §8.3 at the credential endpoint, §9.2
 * at the deferred one). Every dialect reads transaction_id; 1.0 requires interval, drafts 13 to 15
 * ignore it as an unknown member; draft 13 §7.3 adds the next c_nonce.
 */
public record DeferralResponse(String transactionId, long interval, Optional<String> freshNonce, long nonceExpiresIn) {

    public static DeferralResponse pending(String transactionId, long interval) {
        return new DeferralResponse(transactionId, interval, Optional.empty(), 0);
    }

    public JsonObject toJson() {
        JsonObjectBuilder body = Jsonp.PROVIDER.createObjectBuilder().add("transaction_id", transactionId)
                .add("interval", interval);
        freshNonce.ifPresent(n -> body.add("c_nonce", n).add("c_nonce_expires_in", nonceExpiresIn));
        return body.build();
    }
}
