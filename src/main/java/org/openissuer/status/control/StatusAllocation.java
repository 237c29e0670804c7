package org.openissuer.status.control;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;

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
 * <p>
 * A list's row (and its key) commits on its own, before any entry of it exists. That takes a
 * second connection, which a request holding one inside its transaction must never wait for (with
 * every pooled connection held by such requests, none would come): so the list after the one in
 * use is created ahead, at start-up and then on a managed thread as soon as its predecessor is
 * first used. A request creates a list itself only when a burst used up the spare first.
 */
@ApplicationScoped
public class StatusAllocation {

    private static final Logger LOG = Logger.getLogger(StatusAllocation.class.getName());

    private final StatusListStore store;
    private final StatusSettings settings;
    private final IssuerSettings issuer;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, IndexPermutation> permutations = new ConcurrentHashMap<>();
    private volatile NavigableMap<Long, StatusList> lists = new TreeMap<>();
    private final Set<Integer> spareRequested = ConcurrentHashMap.newKeySet();
    private long next;
    private long end;

    @Resource
    ManagedExecutorService executor;

    protected StatusAllocation() {
        this(null, null, null);
    }

    @Inject
    public StatusAllocation(StatusListStore store, StatusSettings settings, IssuerSettings issuer) {
        this.store = store;
        this.settings = settings;
        this.issuer = issuer;
    }

    /** Called once at deployment, after the migrations: the list for the next numbers, and a spare. */
    public void prepare() {
        StatusList current = refreshUntilHeld(store.sequencePosition());
        refreshUntilHeld(current.end());
    }

    /** Joins the issuance transaction: the entry commits with, and only with, the credential's audit row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StatusReference allocate(NewEntry entry) {
        long number = nextNumber();
        StatusList list = listHolding(number);
        ensureSpareAfter(list);
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

    private void ensureSpareAfter(StatusList list) {
        if (lists.containsKey(list.end()) || !spareRequested.add(list.id())) {
            return;
        }
        try {
            // outside a container (unit tests) the spare is made on the calling thread
            Executor creator = executor != null ? executor : Runnable::run;
            creator.execute(() -> {
                try {
                    refreshUntilHeld(list.end());
                } catch (RuntimeException e) {
                    spareRequested.remove(list.id());
                    LOG.log(Level.WARNING, "Cannot create the status list after list " + list.id() + " ahead of time", e);
                }
            });
        } catch (RuntimeException e) {
            spareRequested.remove(list.id());
            LOG.log(Level.WARNING, "Cannot schedule the status list after list " + list.id(), e);
        }
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
