package org.openissuer.status.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * The Status Types this issuer uses (draft-ietf-oauth-status-list-21, "Status Types"), with the
 * names the back-office API gives them.
 */
public enum StatusValue {
    VALID(0x00, "valid"),
    /** Revoked: final, never turns back. */
    INVALID(0x01, "revoked"),
    SUSPENDED(0x02, "suspended");

    private final int code;
    private final String label;

    StatusValue(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static StatusValue ofCode(int code) {
        for (StatusValue value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("no status type " + code);
    }

    public static Optional<StatusValue> ofLabel(String label) {
        for (StatusValue value : values()) {
            if (value.label.equals(label == null ? null : label.toLowerCase(Locale.ROOT))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
