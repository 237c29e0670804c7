package org.openissuer.configuration;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Which generation of OID4VCI a wallet speaks, recognised from the members of its credential
 * request; the answer takes the shape of the question (docs/dialects.md has the table).
 */
public enum Dialect {
    /** OID4VCI 1.0: {@code proofs}, response encryption only inside an encrypted request (§8.2). */
    V1("1.0"),
    /** Drafts 14/15 naming the credential by configuration id: {@code credentials} as objects, no c_nonce. */
    DRAFT_15("draft-15"),
    /** Drafts 13/14 naming the credential by {@code format}: {@code credential} and the next c_nonce. */
    DRAFT_13("draft-13"),
    /** {@code credential_identifier} with a single {@code proof}: valid in draft 13 and in draft 15 alike. */
    DRAFT_13_OR_15("draft-13/15");

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Pre-1.0 wallets: a plaintext request may ask for an encrypted response, with alg beside the jwk. */
    public boolean preV1() {
        return this != V1;
    }

    /** Draft 13 §7.3, §7.3.1.2: the answer and the proof errors carry the next c_nonce (draft 15 dropped it). */
    public boolean carriesNonce() {
        return this == DRAFT_13 || this == DRAFT_13_OR_15;
    }

    /**
     * @param encrypted whether the request came as a JWE: only 1.0 encrypts requests (§10), so there
     *        an alg beside the jwk is just an unknown member
     */
    public static Dialect recognise(JsonObject body, boolean encrypted) {
        if (present(body, "format")) {
            // draft 13 §7.2, draft 14 §8.2: format (+ vct) names the credential; 15 and 1.0 dropped it
            return DRAFT_13;
        }
        if (present(body, "proof")) {
            // 1.0 removed proof. Draft 15 §8.2 added credential_configuration_id; credential_identifier
            // with proof is valid in drafts 13, 14 and 15, so that answer is read by all of them
            return present(body, "credential_configuration_id") ? DRAFT_15 : DRAFT_13_OR_15;
        }
        // draft 15 §8.2: alg beside the jwk; 1.0 §8.2 takes it from the jwk and needs an encrypted request
        JsonValue encryption = body.get("credential_response_encryption");
        if (!encrypted && encryption instanceof JsonObject e && e.containsKey("alg")) {
            return DRAFT_15;
        }
        return V1;
    }

    private static boolean present(JsonObject body, String name) {
        JsonValue value = body.get(name);
        return value != null && value != JsonValue.NULL;
    }
}
