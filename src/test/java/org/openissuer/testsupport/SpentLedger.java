package org.openissuer.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.dpop.control.DPoPReplay;
import org.openissuer.nonce.control.Nonces;
import org.openissuer.nonce.entity.CNonce;
import org.openissuer.notification.control.NotificationLedger;
import org.openissuer.notification.entity.IssuedNotification;
import org.openissuer.notification.entity.NotificationGrant;
import org.openissuer.platform.IssuerSettings;

/**
 * In-memory stand-ins for what a request spends in the database (DPoP jti, c_nonce, audit rows),
 * writing one shared ledger in call order, so a test sees both what was spent and in which order.
 */
public final class SpentLedger {

    /** Entries such as {@code "jti-within j-1"}, {@code "nonce n-1"}, {@code "audit request_started,..."}. */
    public final List<String> entries = new ArrayList<>();
    public final Replay replay = new Replay();
    public final LiveNonces nonces;
    public final Audit audit;
    public final Notified notifications = new Notified();

    public SpentLedger(Clock clock) {
        IssuerSettings settings = new IssuerSettings() {
            @Override
            public Duration nonceLifetime() {
                return Duration.ofSeconds(300);
            }
        };
        nonces = new LiveNonces(clock, settings);
        audit = new Audit(clock);
    }

    /** RFC 9449 §11.1: the jti store; a (thumbprint, jti) pair is accepted once. */
    public final class Replay extends DPoPReplay {
        private final Set<String> used = new HashSet<>();

        @Override
        public boolean firstUse(String thumbprint, String jti, long keepSeconds) {
            entries.add("jti-alone " + jti);
            return used.add(thumbprint + " " + jti);
        }

        @Override
        public boolean firstUseWithin(String thumbprint, String jti, long keepSeconds) {
            entries.add("jti-within " + jti);
            return used.add(thumbprint + " " + jti);
        }

        public boolean used(String thumbprint, String jti) {
            return used.contains(thumbprint + " " + jti);
        }
    }

    /** c_nonce values: issued ones are live until consumed once. */
    public final class LiveNonces extends Nonces {
        private final Set<String> live = new HashSet<>();
        private int issued;

        LiveNonces(Clock clock, IssuerSettings settings) {
            super(clock, settings, null);
        }

        @Override
        public CNonce issue() {
            CNonce nonce = new CNonce("n-" + ++issued, Instant.now().plusSeconds(300));
            live.add(nonce.value());
            return nonce;
        }

        @Override
        public boolean consume(String value) {
            entries.add("nonce " + value);
            return live.remove(value);
        }

        public boolean live(String value) {
            return live.contains(value);
        }
    }

    /** The audit trail: rows appended within the request's transaction, and rows written alone. */
    public final class Audit extends IssuanceAudit {
        public final List<IssuanceEvent> committed = new ArrayList<>();
        public final List<IssuanceEvent> alone = new ArrayList<>();

        Audit(Clock clock) {
            super(clock, null);
        }

        @Override
        public void append(List<IssuanceEvent> events) {
            entries.add("audit " + String.join(",", events.stream().map(IssuanceEvent::event).toList()));
            committed.addAll(events);
        }

        @Override
        public void appendAlone(List<IssuanceEvent> events) {
            alone.addAll(events);
        }

        public List<String> committedEvents() {
            return committed.stream().map(IssuanceEvent::event).toList();
        }
    }

    /** The credential_notification table: notification ids as issued, looked up by value. */
    public final class Notified extends NotificationLedger {
        public final Map<String, NotificationGrant> stored = new HashMap<>();

        @Override
        public void record(IssuedNotification notification, OffsetDateTime at) {
            entries.add("notification " + String.join(",", notification.credentialIds()));
            stored.put(notification.id(), new NotificationGrant(notification.tokenKey(), notification.subject(),
                    notification.credentialIds()));
        }

        @Override
        public Optional<NotificationGrant> find(String notificationId) {
            return Optional.ofNullable(stored.get(notificationId));
        }
    }
}
