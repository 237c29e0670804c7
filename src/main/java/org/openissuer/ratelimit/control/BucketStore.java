package org.openissuer.ratelimit.control;

import java.util.Map;
import java.util.SortedMap;

import org.openissuer.ratelimit.entity.BucketId;

/** Where the instances' counts meet: adds increments and answers the global totals, in one round trip. */
@FunctionalInterface
public interface BucketStore {

    /**
     * Adds each bucket's increment (0 for a bucket that is only read) and returns the global
     * totals of the given buckets; a bucket nobody has counted yet may be absent.
     */
    Map<BucketId, Long> exchange(SortedMap<BucketId, Long> increments);
}
