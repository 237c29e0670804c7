package org.openissuer.webhooks.entity;

import java.util.Locale;

/** The outbox row's state column (V013's CHECK). */
public enum DeliveryState {
    PENDING, DELIVERED, FAILED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
