package org.openissuer.deferred.control;

import java.io.StringReader;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import com.nimbusds.jose.jwk.JWK;

import org.openissuer.configuration.Dialect;
import org.openissuer.credential.entity.BoundKey;
import org.openissuer.deferred.entity.DeferredState;
import org.openissuer.deferred.entity.DeferredTransaction;
import org.openissuer.platform.Jsonp;
import org.openissuer.platform.SqlTimestamps;

/** Rows of deferred_credential to and from Java: the column list, holder keys as JSON, timestamps. */
final class DeferredRows {

    static final String COLUMNS = "id, token_key, token_id, subject, client_id, offer_id, credential_configuration_id,"
            + " vct, format, dialect, holder_keys, claims, state, created_at, expires_at, approved_by, approved_at,"
            + " rejected_by, rejected_at, rejection_reason, doctype";

    private DeferredRows() {
    }

    static DeferredTransaction transaction(Object[] c) {
        Optional<DeferredTransaction.Decision> decision = Optional.empty();
        if (c[15] != null) {
            decision = Optional.of(new DeferredTransaction.Decision(true, (String) c[15], SqlTimestamps.utc(c[16]), Optional.empty()));
        } else if (c[17] != null) {
            decision = Optional.of(new DeferredTransaction.Decision(false, (String) c[17], SqlTimestamps.utc(c[18]),
                    Optional.ofNullable((String) c[19])));
        }
        return new DeferredTransaction((String) c[0], (String) c[1], optional(c[2]), (String) c[3], optional(c[4]),
                optional(c[5]), (String) c[6], type(c), (String) c[8], dialect((String) c[9]),
                holders((String) c[10]), object((String) c[11]), DeferredState.of((String) c[12]), SqlTimestamps.utc(c[13]), SqlTimestamps.utc(c[14]),
                decision);
    }

    // the credential's type: its vct, or an mdoc's doctype (OID4VCI 1.0 Appendix A.2)
    private static Optional<String> type(Object[] c) {
        return optional(c[7]).or(() -> optional(c[20]));
    }

    /** [{jwk, thumbprint}]: the public keys only, as the proofs carried them. */
    static String holderKeys(List<BoundKey> holders) {
        JsonArrayBuilder keys = Jsonp.PROVIDER.createArrayBuilder();
        for (BoundKey holder : holders) {
            keys.add(Jsonp.PROVIDER.createObjectBuilder()
                    .add("jwk", object(holder.key().toPublicJWK().toJSONString()))
                    .add("thumbprint", holder.thumbprint()));
        }
        return keys.build().toString();
    }

    static List<BoundKey> holders(String json) {
        List<BoundKey> holders = new ArrayList<>();
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(json))) {
            for (JsonValue entry : reader.readArray()) {
                JsonObject holder = entry.asJsonObject();
                holders.add(new BoundKey(JWK.parse(holder.getJsonObject("jwk").toString()), holder.getString("thumbprint")));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("a stored holder key does not parse", e);
        }
        return holders;
    }

    static String text(OffsetDateTime at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static Dialect dialect(String label) {
        return Arrays.stream(Dialect.values()).filter(d -> d.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown dialect " + label));
    }

    private static Optional<String> optional(Object column) {
        return Optional.ofNullable((String) column);
    }
}
