package org.openissuer.status.entity;

/**
 * One status list as stored: it holds the allocation numbers [firstNumber, firstNumber + size),
 * each mapped to its index by the permutation keyed with {@code key}.
 */
public record StatusList(int id, int size, long firstNumber, byte[] key) {

    public boolean holds(long number) {
        return number >= firstNumber && number < firstNumber + size;
    }

    public long end() {
        return firstNumber + size;
    }
}
