package org.openissuer.events.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** What of a request's context an event carries: an mdoc's doctype as an SD-JWT VC's vct. */
class EventContextTest {

    @Test
    void anMdocEventNamesItsDoctype() {
        JsonObject json = Event.fromRow(7, OffsetDateTime.of(2026, 12, 8, 0, 0, 0, 0, ZoneOffset.UTC), Map.of(
                "event", "credential_issued", "endpoint", "credential", "format", "mso_mdoc",
                "doctype", "org.iso.18013.5.1.mDL", "credential_configuration_id", "org.iso.18013.5.1.mDL")).toJson();

        assertEquals("org.iso.18013.5.1.mDL", json.getString("doctype"));
        assertEquals("mso_mdoc", json.getString("format"));
        assertFalse(json.containsKey("vct"), "absent values are left out");
    }
}
