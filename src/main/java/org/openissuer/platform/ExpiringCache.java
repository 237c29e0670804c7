package org.openissuer.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, thread-safe map whose entries each lapse at their own instant. Holds results that
 * cost real work and cannot change before they lapse (a verified access token until its exp, a
 * redeemed credential offer), so the request path does that work once. Readers never
 * block; when full, lapsed entries go first, then an arbitrary half: a miss only costs the work again.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant lapses) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    public ExpiringCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.lapses())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Keeps the value until {@code lapses}; a value that has lapsed already is not kept. */
    public void put(K key, V value, Instant lapses) {
        Instant now = clock.instant();
        if (!now.isBefore(lapses)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(key, new Entry<>(value, lapses));
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.lapses()));
        int excess = entries.size() - maxEntries / 2;
        for (Iterator<K> keys = entries.keySet().iterator(); excess > 0 && keys.hasNext(); excess--) {
            keys.next();
            keys.remove();
        }
    }
}
