package org.openissuer.status.boundary;

import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.openissuer.platform.Jsonp;
import org.openissuer.status.entity.CredentialStatus;
import org.openissuer.status.entity.StatusChangeResult;

/** The back-office API's JSON for statuses. */
final class StatusJson {

    private StatusJson() {
    }

    static JsonObject status(CredentialStatus s, String uri) {
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder()
                .add("credential_id", s.credentialId())
                .add("status", s.status().label())
                .add("status_list", Jsonp.PROVIDER.createObjectBuilder().add("idx", s.idx()).add("uri", uri))
                .add("credential_configuration_id", s.credentialConfigurationId())
                .add("issued_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.allocatedAt()))
                .add("expires_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(s.expiresAt()));
        s.subject().ifPresent(v -> json.add("subject", v));
        s.offerId().ifPresent(v -> json.add("offer_id", v));
        s.changedAt().ifPresent(v -> json.add("changed_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v)));
        return json.build();
    }

    static JsonObject result(StatusChangeResult result) {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("status", result.status().label())
                .add("changed", array(result.changed()))
                .add("unchanged", array(result.unchanged()))
                .add("refused", array(result.refused()))
                .build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
