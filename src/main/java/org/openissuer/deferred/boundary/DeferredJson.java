package org.openissuer.deferred.boundary;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.openissuer.deferred.entity.DeferredTransaction;

/** The back-office views of deferred transactions: state and who decided, never a secret or a claim value. */
final class DeferredJson {

    private DeferredJson() {
    }

    static JsonObject list(List<DeferredTransaction> transactions) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        transactions.forEach(t -> list.add(transaction(t)));
        return Json.createObjectBuilder().add("deferred_credentials", list).build();
    }

    static JsonObject transaction(DeferredTransaction t) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", t.id())
                .add("state", t.state().wire())
                .add("credential_configuration_id", t.configurationId())
                .add("format", t.format())
                .add("subject", t.subject())
                .add("credentials", t.holders().size())
                .add("created_at", timestamp(t.createdAt()))
                .add("expires_at", timestamp(t.expiresAt()));
        t.offerId().ifPresent(o -> json.add("offer_id", o));
        JsonArrayBuilder names = Json.createArrayBuilder();
        t.claims().keySet().stream().sorted().forEach(names::add);
        json.add("claim_names", names);
        t.decision().ifPresent(d -> {
            json.add(d.approved() ? "approved_by" : "rejected_by", d.by())
                    .add(d.approved() ? "approved_at" : "rejected_at", timestamp(d.at()));
            d.reason().ifPresent(r -> json.add("reason", r));
        });
        return json.build();
    }

    private static String timestamp(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
