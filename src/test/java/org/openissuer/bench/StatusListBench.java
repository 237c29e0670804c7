package org.openissuer.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.openissuer.status.entity.StatusListBits;

/**
 * Rebuilding a status list's lst as the status list endpoint does after a change: a list of
 * 2^20 two-bit entries with 10,000 of them set, filled and DEFLATE-compressed to base64url.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatusListBench {

    @Param({"1048576"})
    public int size;

    private int[] indices;
    private int[] values;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        indices = new int[10_000];
        values = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = random.nextInt(size);
            values[i] = 1 + random.nextInt(2);
        }
    }

    @Benchmark
    public String rebuild() {
        StatusListBits list = new StatusListBits(2, size);
        for (int i = 0; i < indices.length; i++) {
            list.set(indices[i], values[i]);
        }
        return list.encode();
    }
}
