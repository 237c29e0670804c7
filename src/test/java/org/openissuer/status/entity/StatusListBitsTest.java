package org.openissuer.status.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Random;
import java.util.zip.Inflater;

import org.junit.jupiter.api.Test;

/** The examples of draft-ietf-oauth-status-list-21, "Status List", encoded exactly as the draft shows them. */
class StatusListBitsTest {

    private static StatusListBits of(int bits, int... statuses) {
        StatusListBits list = new StatusListBits(bits, statuses.length);
        for (int i = 0; i < statuses.length; i++) {
            list.set(i, statuses[i]);
        }
        return list;
    }

    private static byte[] inflate(String lst) throws Exception {
        Inflater inflater = new Inflater(false); // ZLIB format (RFC 1950): fails on raw DEFLATE or gzip
        inflater.setInput(Base64.getUrlDecoder().decode(lst));
        byte[] out = new byte[1024];
        int n = inflater.inflate(out);
        assertTrue(inflater.finished());
        byte[] bytes = new byte[n];
        System.arraycopy(out, 0, bytes, 0, n);
        return bytes;
    }

    @Test
    void encodesTheDraftsOneBitExample() throws Exception {
        StatusListBits list = of(1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1);
        assertEquals("eNrbuRgAAhcBXQ", list.encode());
        // index 0 is the least significant bit of byte 0
        assertArrayEquals(new byte[] {(byte) 0xB9, (byte) 0xA3}, inflate(list.encode()));
    }

    @Test
    void encodesTheDraftsTwoBitExample() throws Exception {
        StatusListBits list = of(2, 1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3);
        assertEquals("eNo76fITAAPfAgc", list.encode());
        assertArrayEquals(new byte[] {(byte) 0xC9, (byte) 0x44, (byte) 0xF9}, inflate(list.encode()));
    }

    @Test
    void decodesWhatItEncodes() {
        StatusListBits list = new StatusListBits(2, 1 << 16);
        Random random = new Random(7);
        int[] expected = new int[list.size()];
        for (int i = 0; i < 500; i++) {
            int idx = random.nextInt(list.size());
            expected[idx] = 1 + random.nextInt(2);
            list.set(idx, expected[idx]);
        }
        StatusListBits decoded = StatusListBits.decode(2, list.encode());
        assertEquals(list.size(), decoded.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], decoded.get(i), "index " + i);
        }
    }

    @Test
    void overwritesAnEntryWithoutTouchingItsNeighbours() {
        StatusListBits list = of(2, 3, 3, 3, 3);
        list.set(1, 0);
        assertEquals(3, list.get(0));
        assertEquals(0, list.get(1));
        assertEquals(3, list.get(2));
        list.set(1, 2);
        assertEquals(2, list.get(1));
    }

    @Test
    void refusesValuesAndIndicesOutsideTheList() {
        StatusListBits list = new StatusListBits(2, 8);
        assertThrows(IllegalArgumentException.class, () -> list.set(0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> list.set(8, 1));
        assertThrows(IllegalArgumentException.class, () -> new StatusListBits(2, 3));
        assertThrows(IllegalArgumentException.class, () -> new StatusListBits(3, 8));
    }

    @Test
    void aMillionEntryListWithTenThousandSetCompressesSmallAndReadsBack() {
        // how fast this is belongs to StatusListBench (mvn -Pjmh), not to a timed unit test
        StatusListBits list = new StatusListBits(2, 1 << 20);
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            list.set(random.nextInt(list.size()), 1 + random.nextInt(2));
        }
        String lst = list.encode();
        assertTrue(lst.length() < 60_000, "lst of " + lst.length() + " characters");
        StatusListBits read = StatusListBits.decode(2, lst);
        for (int i = 0; i < list.size(); i++) {
            if (read.get(i) != list.get(i)) {
                throw new AssertionError("entry " + i + " reads back as " + read.get(i) + ", was " + list.get(i));
            }
        }
    }
}
