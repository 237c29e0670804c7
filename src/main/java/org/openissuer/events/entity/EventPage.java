package org.openissuer.events.entity;

import java.util.List;
import java.util.Optional;

/** One page of events and where the next begins (none when a newest-first walk reached the oldest). */
public record EventPage(List<Event> events, Optional<EventCursor> next) {

    public EventPage {
        events = List.copyOf(events);
    }
}
