package org.openissuer.status.entity;

import jakarta.json.JsonObject;

import org.openissuer.platform.Jsonp;

/** Where a credential's status lives: an index in the list at {@code uri}. */
public record StatusReference(int listId, int idx, String uri) {

    /** The Referenced Token's {@code status} claim (draft-ietf-oauth-status-list-21, "Referenced Token"). */
    public JsonObject claim() {
        return Jsonp.PROVIDER.createObjectBuilder().add("status_list",
                Jsonp.PROVIDER.createObjectBuilder().add("idx", idx).add("uri", uri)).build();
    }
}
