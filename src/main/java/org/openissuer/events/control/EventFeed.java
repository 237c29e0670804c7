package org.openissuer.events.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.events.entity.Event;
import org.openissuer.events.entity.EventCursor;
import org.openissuer.events.entity.EventOrder;
import org.openissuer.events.entity.EventPage;
import org.openissuer.events.entity.EventQuery;

/**
 * Pages through the audit trail as events. Newest first: one more row than asked tells whether
 * there is a next page. Oldest first (following): always a next cursor, since more events will
 * come; the page holds back events that have not settled yet (docs/events.md, "Stable paging").
 */
@ApplicationScoped
public class EventFeed {

    private final EventStore store;
    private final EventSettings settings;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected EventFeed() {
        this(null, null, null);
    }

    @Inject
    public EventFeed(EventStore store, EventSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public EventPage page(EventQuery query) {
        OffsetDateTime settledBefore = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .minus(settings.settle());
        if (query.order() == EventOrder.OLDEST) {
            List<Event> events = store.read(query, query.limit(), settledBefore, settings.settle().toSeconds());
            EventCursor next = events.isEmpty() ? query.cursor().orElse(EventCursor.start(EventOrder.OLDEST))
                    : EventCursor.after(EventOrder.OLDEST, events.get(events.size() - 1));
            return new EventPage(events, Optional.of(next));
        }
        List<Event> events = store.read(query, query.limit() + 1, settledBefore, settings.settle().toSeconds());
        if (events.size() <= query.limit()) {
            return new EventPage(events, Optional.empty());
        }
        List<Event> page = events.subList(0, query.limit());
        return new EventPage(page, Optional.of(EventCursor.after(EventOrder.NEWEST, page.get(page.size() - 1))));
    }
}
