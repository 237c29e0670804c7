package org.openissuer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * N issuances from one thread per client, as fast as the server answers. Only the credential
 * request is timed; latencies go into a preallocated array per thread. Bounded by count and time.
 */
final class LoadPhase {

    /** A credential kept for verification after the run, with the client that asked for it. */
    record Sample(BenchClient client, String responseBody) {
    }

    record Outcome(int attempted, long succeeded, long durationNanos, long[] latenciesNanos, Map<String, Long> errors,
            List<Sample> samples, boolean timedOut) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final List<BenchClient> clients;
    private final int total;
    private final int sampleEvery;
    private final long timeoutNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder succeeded = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile boolean timedOut;

    /** @param sampleEvery keep every k-th credential, 0 for none */
    LoadPhase(List<BenchClient> clients, int total, int sampleEvery, long timeoutNanos) {
        this.clients = clients;
        this.total = total;
        this.sampleEvery = sampleEvery;
        this.timeoutNanos = timeoutNanos;
    }

    /** Runs the phase; the hook runs right before the threads are let go and right after the last one ends. */
    Outcome run(Runnable atStart, Runnable atEnd) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        long[][] latencies = new long[clients.size()][];
        int[] counts = new int[clients.size()];
        List<List<Sample>> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients.size(); t++) {
            int slot = t;
            latencies[t] = new long[total];
            samples.add(new ArrayList<>());
            threads.add(new Thread(() -> {
                try {
                    go.await();
                    counts[slot] = work(clients.get(slot), latencies[slot], samples.get(slot));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-client-" + t));
        }
        threads.forEach(Thread::start);
        atStart.run();
        long start = System.nanoTime();
        long deadline = start + timeoutNanos;
        go.countDown();
        for (Thread thread : threads) {
            long left = deadline + 60_000_000_000L - System.nanoTime();
            thread.join(Math.max(1, left / 1_000_000));
        }
        long duration = System.nanoTime() - start;
        atEnd.run();
        int measured = Arrays.stream(counts).sum();
        long[] all = new long[measured];
        int at = 0;
        for (int t = 0; t < latencies.length; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Map<String, Long> errorCounts = new java.util.TreeMap<>();
        errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
        return new Outcome(Math.min(next.get(), total), succeeded.sum(), duration, all, errorCounts,
                samples.stream().flatMap(List::stream).toList(), timedOut);
    }

    private int work(BenchClient client, long[] latencies, List<Sample> samples) {
        int count = 0;
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            if (System.nanoTime() > deadline) {
                timedOut = true;
                return count;
            }
            int i = next.getAndIncrement();
            if (i >= total) {
                return count;
            }
            try {
                String body = client.credentialRequest(client.nonce());
                String proof = client.credentialDPoP();
                long sent = System.nanoTime();
                Transport.Response response = client.credential(body, proof);
                latencies[count++] = System.nanoTime() - sent;
                if (response.status() == 200) {
                    succeeded.increment();
                    if (sampleEvery > 0 && i % sampleEvery == 0) {
                        samples.add(new Sample(client, response.body()));
                    }
                } else {
                    error("credential HTTP " + response.status() + " " + BenchClient.errorCode(response.body()));
                }
            } catch (BenchClient.BenchFailure failure) {
                error(failure.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            } catch (Exception e) {
                error(e.getClass().getName());
            }
        }
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }
}
