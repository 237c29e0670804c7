package org.openissuer.status.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;

import org.junit.jupiter.api.Test;

class IndexPermutationTest {

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    @Test
    void mapsEveryOffsetToADistinctIndexInTheList() {
        for (int size : new int[] {16, 1000, 1024, 4100}) {
            IndexPermutation permutation = new IndexPermutation(key(size), size);
            BitSet seen = new BitSet(size);
            for (int offset = 0; offset < size; offset++) {
                int idx = permutation.index(offset);
                assertTrue(idx >= 0 && idx < size, "index " + idx + " outside a list of " + size);
                assertTrue(!seen.get(idx), "index " + idx + " twice in a list of " + size);
                seen.set(idx);
            }
            assertEquals(size, seen.cardinality());
        }
    }

    @Test
    void consecutiveOffsetsGetUnrelatedIndices() {
        IndexPermutation permutation = new IndexPermutation(key(1), 1 << 20);
        int sequentialSteps = 0;
        int previous = permutation.index(0);
        for (int offset = 1; offset < 1000; offset++) {
            int idx = permutation.index(offset);
            if (Math.abs(idx - previous) <= 16) {
                sequentialSteps++;
            }
            previous = idx;
        }
        // random indices in 2^20 are within 16 of the previous one about 0.03 times in 1000
        assertTrue(sequentialSteps <= 3, sequentialSteps + " near-sequential steps");
    }

    @Test
    void dependsOnTheKey() {
        IndexPermutation a = new IndexPermutation(key(1), 1 << 20);
        IndexPermutation b = new IndexPermutation(key(2), 1 << 20);
        int same = 0;
        for (int offset = 0; offset < 100; offset++) {
            same += a.index(offset) == b.index(offset) ? 1 : 0;
        }
        assertTrue(same <= 1, same + " of 100 indices equal under two keys");
        assertNotEquals(a.index(0), b.index(0));
    }

    @Test
    void refusesShortKeysAndOffsetsOutsideTheList() {
        assertThrows(IllegalArgumentException.class, () -> new IndexPermutation(new byte[16], 1024));
        IndexPermutation permutation = new IndexPermutation(key(3), 1024);
        assertThrows(IllegalArgumentException.class, () -> permutation.index(1024));
        assertThrows(IllegalArgumentException.class, () -> permutation.index(-1));
    }
}
