package org.openissuer.status.control;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openissuer.platform.Endpoints;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.status.entity.NewEntry;
import org.openissuer.status.entity.StatusList;
import org.openissuer.status.entity.StatusReference;

/**
 * Gives each credential its own status list entry (draft-ietf-oauth-status-list-21, "Referenced
 * Token"): a number from the database sequence (unique across instances, never reused, taken in
 * blocks), mapped to a list and, by the list's keyed permutation, to an unpredictable index
 * (HAIP 1.0 §6.1); consecutive numbers, as in a batch, land on unrelated indices. Inside the
 * issuance transaction this costs one INSERT, plus one nextval per {@link StatusListStore#BLOCK}.
 */
@ApplicationScoped
public class StatusAllocation {

    private final StatusListStore store;
    private final StatusSettings settings;
    private final IssuerSettings issuer;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, IndexPermutation> permutations = new ConcurrentHashMap<>();
    private volatile NavigableMap<Long, StatusList> lists = new TreeMap<>();
    private long next;
    private long end;

    protected StatusAllocation() {
        this(null, null, null);
    }

    @Inject
    public StatusAllocation(StatusListStore store, StatusSettings settings, IssuerSettings issuer) {
        this.store = store;
        this.settings = settings;
        this.issuer = issuer;
    }

    /** Joins the issuance transaction: the entry commits with, and only with, the credential's audit row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StatusReference allocate(NewEntry entry) {
        long number = nextNumber();
        StatusList list = listHolding(number);
        int idx = permutations.computeIfAbsent(list.id(), id -> new IndexPermutation(list.key(), list.size()))
                .index((int) (number - list.firstNumber()));
        store.insertEntry(list.id(), idx, entry);
        return new StatusReference(list.id(), idx, uri(list.id()));
    }

    public String uri(int listId) {
        return issuer.identifier().value() + Endpoints.STATUS_LISTS + "/" + listId;
    }

    private synchronized long nextNumber() {
        if (next == end) {
            next = store.nextBlock();
            end = next + StatusListStore.BLOCK;
        }
        return next++;
    }

    private StatusList listHolding(long number) {
        Map.Entry<Long, StatusList> known = lists.floorEntry(number);
        if (known != null && known.getValue().holds(number)) {
            return known.getValue();
        }
        return refreshUntilHeld(number);
    }

    // a new list starts where the last one ends, so the lists cover every number without overlap
    private synchronized StatusList refreshUntilHeld(long number) {
        while (true) {
            List<StatusList> stored = store.lists();
            NavigableMap<Long, StatusList> byFirst = new TreeMap<>();
            stored.forEach(l -> byFirst.put(l.firstNumber(), l));
            lists = byFirst;
            Map.Entry<Long, StatusList> held = byFirst.floorEntry(number);
            if (held != null && held.getValue().holds(number)) {
                return held.getValue();
            }
            StatusList last = stored.isEmpty() ? null : stored.get(stored.size() - 1);
            byte[] key = new byte[IndexPermutation.MIN_KEY_BYTES];
            random.nextBytes(key);
            store.createList(last == null ? 1 : last.id() + 1, settings.listSize(), last == null ? 0 : last.end(), key);
        }
    }
}
