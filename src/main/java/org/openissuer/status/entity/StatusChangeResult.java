package org.openissuer.status.entity;

import java.util.List;

/**
 * What a status change did: the credentials it changed, those already in that status, and
 * those it could not change because they are revoked (revocation is final).
 */
public record StatusChangeResult(StatusValue status, List<String> changed, List<String> unchanged,
        List<String> refused) {

    public StatusChangeResult {
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        refused = List.copyOf(refused);
    }
}
