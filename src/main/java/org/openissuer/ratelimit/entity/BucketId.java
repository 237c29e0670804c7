package org.openissuer.ratelimit.entity;

/** One key's fixed window: the unit counted locally and summed in the database. */
public record BucketId(String key, long windowStart) implements Comparable<BucketId> {

    // one order for every instance's batch, so concurrent upserts lock rows in the same order (no deadlock)
    @Override
    public int compareTo(BucketId other) {
        int byKey = key.compareTo(other.key);
        return byKey != 0 ? byKey : Long.compare(windowStart, other.windowStart);
    }
}
