package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.testsupport.Events.ids;
import static org.openissuer.testsupport.Events.page;
import static org.openissuer.testsupport.Events.query;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AuditRows;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.IssuerIT;

/**
 * Cursor paging of GET /admin/events in both orders, and while rows are written: two writers hold
 * their rows uncommitted for up to 0.8 s, so lower ids commit after higher ones (the ITs' settle
 * time, issuer.events.settle-seconds, is 2 s).
 */
@IssuerIT
class AdminEventsPagingIT {

    private static final long SETTLE_MILLIS = 2000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void pagesNewestFirstToTheEndAndOldestFirstBeyondIt() throws Exception {
        String subject = "it-paging-" + UUID.randomUUID();
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(AuditRows.row("request_started", "credential").with("subject", subject).insert());
        }
        List<Long> newest = new ArrayList<>(written);
        Collections.reverse(newest);

        JsonObject first = page(query("subject", subject, "limit", "2"));
        assertEquals(newest.subList(0, 2), ids(first));
        JsonObject second = page(query("subject", subject, "limit", "2", "cursor", first.getString("next_cursor")));
        assertEquals(newest.subList(2, 4), ids(second));
        // the next link repeats the filters
        JsonObject last = page(second.getString("next").split("\\?", 2)[1]);
        assertEquals(newest.subList(4, 5), ids(last));
        assertFalse(last.containsKey("next_cursor"), "newest first ends at the oldest event");

        Thread.sleep(SETTLE_MILLIS + 500);
        List<Long> oldest = new ArrayList<>();
        JsonObject page = page(query("subject", subject, "limit", "2", "order", "oldest"));
        while (!ids(page).isEmpty()) {
            oldest.addAll(ids(page));
            page = page(query("subject", subject, "limit", "2", "cursor", page.getString("next_cursor")));
        }
        assertEquals(written, oldest);
        // the end of the trail is a place to wait at: the next event arrives behind the same cursor
        long later = AuditRows.row("request_started", "credential").with("subject", subject).insert();
        String waiting = page.getString("next_cursor");
        assertEquals(List.of(), ids(page(query("subject", subject, "cursor", waiting))), "not settled yet");
        Thread.sleep(SETTLE_MILLIS + 500);
        assertEquals(List.of(later), ids(page(query("subject", subject, "cursor", waiting))));
    }

    @Test
    void followsOldestFirstWithoutSkippingOrRepeatingWhileRowsCommitOutOfOrder() throws Exception {
        String subject = "it-paging-" + UUID.randomUUID();
        List<Long> written = Collections.synchronizedList(new ArrayList<>());
        long until = System.currentTimeMillis() + 5000;
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int seed = w;
            running.add(writers.submit(() -> write(subject, written, until, new Random(seed))));
        }
        List<Long> read = new ArrayList<>();
        List<Long> newestFirst = new ArrayList<>();
        String cursor = null;
        String backwards = null;
        boolean backwardsDone = false;
        long quietSince = Long.MAX_VALUE;
        while (System.currentTimeMillis() < until + SETTLE_MILLIS * 3) {
            JsonObject page = page(cursor == null ? query("subject", subject, "order", "oldest", "limit", "3")
                    : query("subject", subject, "limit", "3", "cursor", cursor));
            read.addAll(ids(page));
            cursor = page.getString("next_cursor");
            if (!backwardsDone) {
                // newest first while rows arrive: every page continues below the last, never repeats
                JsonObject down = page(backwards == null ? query("subject", subject, "limit", "4")
                        : query("subject", subject, "limit", "4", "cursor", backwards));
                newestFirst.addAll(ids(down));
                backwardsDone = !down.containsKey("next_cursor");
                backwards = backwardsDone ? null : down.getString("next_cursor");
            }
            if (System.currentTimeMillis() > until && ids(page).isEmpty()) {
                quietSince = Math.min(quietSince, System.currentTimeMillis());
                if (System.currentTimeMillis() - quietSince > SETTLE_MILLIS + 1000) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        for (Future<?> writer : running) {
            writer.get(10, TimeUnit.SECONDS);
        }
        writers.shutdown();
        assertTrue(written.size() > 20, "the writers wrote " + written.size());
        assertEquals(new TreeSet<>(written).stream().toList(), read, "every row once, in id order");
        for (int i = 1; i < newestFirst.size(); i++) {
            assertTrue(newestFirst.get(i) < newestFirst.get(i - 1), "newest first repeats nothing: " + newestFirst);
        }
        assertTrue(written.containsAll(newestFirst));
    }

    // inserts, waits up to 0.8 s, commits: the other writer's later ids often commit first
    private static Void write(String subject, List<Long> written, long until, Random random) throws Exception {
        try (Connection db = Database.connect()) {
            db.setAutoCommit(false);
            while (System.currentTimeMillis() < until) {
                long id = AuditRows.row("request_started", "credential").with("subject", subject).insert(db);
                Thread.sleep(random.nextInt(800));
                db.commit();
                written.add(id);
            }
        }
        return null;
    }
}
