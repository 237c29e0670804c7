package org.openissuer.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.openissuer.status.entity.NewEntry;
import org.openissuer.status.entity.StatusList;
import org.openissuer.status.entity.StatusReference;

/**
 * Allocation against a stand-in for the database that behaves as PostgreSQL does where it
 * matters: a sequence handing out blocks, status_list rows of which the first insert wins, and a
 * primary key on (list_id, idx). Two StatusAllocation objects are two instances.
 */
class StatusAllocationTest {

    static final class SharedDatabase extends StatusListStore {
        final AtomicLong sequence = new AtomicLong();
        final List<StatusList> lists = Collections.synchronizedList(new ArrayList<>());
        final Set<String> primaryKey = ConcurrentHashMap.newKeySet();

        @Override
        public long nextBlock() {
            return sequence.getAndAdd(BLOCK);
        }

        @Override
        public List<StatusList> lists() {
            synchronized (lists) {
                return List.copyOf(lists);
            }
        }

        @Override
        public void createList(int id, int size, long firstNumber, byte[] key) {
            synchronized (lists) {
                if (lists.stream().noneMatch(l -> l.id() == id || l.firstNumber() == firstNumber)) {
                    lists.add(new StatusList(id, size, firstNumber, key.clone()));
                }
            }
        }

        @Override
        public void insertEntry(int listId, int idx, NewEntry entry) {
            if (!primaryKey.add(listId + "/" + idx)) {
                throw new IllegalStateException("duplicate key (" + listId + ", " + idx + ")");
            }
        }
    }

    private static StatusAllocation instance(SharedDatabase db, int listSize) {
        return new StatusAllocation(db, new StatusSettings(listSize, 300, 86400, 5), null) {
            @Override
            public String uri(int listId) {
                return "https://issuer.example/status-lists/" + listId;
            }
        };
    }

    private static NewEntry entry(int n) {
        return new NewEntry("credential-" + n, Optional.of("subject"), Optional.empty(), "Identity",
                OffsetDateTime.now().plusDays(1));
    }

    @Test
    void givesAThousandCredentialsDistinctNonSequentialIndices() {
        StatusAllocation allocation = instance(new SharedDatabase(), 1 << 20);
        Set<Integer> seen = new HashSet<>();
        int ascendingByOne = 0;
        int previous = -2;
        for (int n = 0; n < 1000; n++) {
            StatusReference ref = allocation.allocate(entry(n));
            assertEquals(1, ref.listId());
            assertTrue(seen.add(ref.idx()), "index " + ref.idx() + " twice");
            ascendingByOne += ref.idx() == previous + 1 ? 1 : 0;
            previous = ref.idx();
        }
        assertTrue(ascendingByOne <= 1, ascendingByOne + " indices followed their predecessor");
        long inLowerHalf = seen.stream().filter(i -> i < 1 << 19).count();
        assertTrue(inLowerHalf > 400 && inLowerHalf < 600, inLowerHalf + " of 1000 in the lower half of the list");
    }

    @Test
    void twoInstancesAllocatingConcurrentlyNeverShareAnEntry() throws Exception {
        SharedDatabase db = new SharedDatabase();
        List<StatusAllocation> instances = List.of(instance(db, 256), instance(db, 256));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<StatusReference>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                StatusAllocation allocation = instances.get(t % 2);
                int thread = t;
                results.add(threads.submit(() -> {
                    List<StatusReference> refs = new ArrayList<>();
                    for (int n = 0; n < 500; n++) {
                        refs.add(allocation.allocate(entry(thread * 1000 + n)));
                    }
                    return refs;
                }));
            }
            Set<String> entries = new HashSet<>();
            for (Future<List<StatusReference>> result : results) {
                for (StatusReference ref : result.get()) {
                    assertTrue(ref.idx() >= 0 && ref.idx() < 256);
                    assertTrue(entries.add(ref.listId() + "/" + ref.idx()), "entry shared: " + ref);
                }
            }
            assertEquals(2000, entries.size());
            // a new list starts when one fills: 2000 entries plus the unused ends of four 64-blocks need 8 or 9
            // lists, and one more is kept ahead as the spare
            assertTrue(db.lists().size() >= 9 && db.lists().size() <= 10, db.lists().size() + " lists");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theStatusClaimNamesTheListAndTheIndex() {
        StatusReference ref = instance(new SharedDatabase(), 1024).allocate(entry(1));
        assertEquals("{\"status_list\":{\"idx\":" + ref.idx() + ",\"uri\":\"https://issuer.example/status-lists/1\"}}",
                ref.claim().toString());
    }

    @Test
    void keepsTheNextListReadyOnceAListIsInUse() {
        SharedDatabase db = new SharedDatabase();
        StatusAllocation allocation = instance(db, 256);

        allocation.allocate(entry(1));

        assertEquals(2, db.lists().size(), "the list in use and its spare");
        assertEquals(db.lists().get(0).end(), db.lists().get(1).firstNumber());
    }
}
