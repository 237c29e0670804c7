package org.openissuer.events.entity;

/** Newest first (browsing, the default) or oldest first (following the trail without gaps). */
public enum EventOrder {
    NEWEST, OLDEST
}
