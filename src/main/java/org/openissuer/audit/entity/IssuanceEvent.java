package org.openissuer.audit.entity;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.platform.Jsonp;

/**
 * One row of the append-only audit trail (db/migrations/V002, V003; partitioned by month since V012;
 * the database key is (id, occurred_at), id alone is unique). Written once, never
 * changed: no setters, and the database refuses updates and deletes anyway.
 */
@Entity
@Table(name = "issuance_event")
public class IssuanceEvent {

    public enum Kind {
        REQUEST_STARTED, CREDENTIAL_ISSUED, REQUEST_FAILED, OFFER_CREATED, OFFER_REVOKED, OFFER_REDEEMED, TOKEN_ISSUED,
        CREDENTIAL_REVOKED, CREDENTIAL_SUSPENDED, CREDENTIAL_REINSTATED,
        // OID4VCI 1.0 §11.1: the wallet's notifications, one row per credential of the response
        CREDENTIAL_ACCEPTED, CREDENTIAL_FAILURE, CREDENTIAL_DELETED,
        // OID4VCI 1.0 §8.3, §9: a deferred transaction's 202, the back office's decisions, its expiry
        CREDENTIAL_DEFERRED, DEFERRED_APPROVED, DEFERRED_REJECTED, DEFERRED_EXPIRED;

        private final String column = name().toLowerCase(Locale.ROOT);

        /** The value of the event column. */
        public String column() {
            return column;
        }
    }

    /** The facts of one issued credential. Claim names only: values never reach the trail. */
    public record IssuedCredential(String credentialId, String digest, String holderKeyThumbprint,
            List<String> disclosedClaims) {
    }

    private static final int MAX_DESCRIPTION = 1024;

    /**
     * The columns an append writes, in the order of {@link #columnValues()}: the audit writer
     * inserts many rows in one statement, with the ids the database assigns in list order.
     */
    public static final List<String> COLUMNS = List.of("occurred_at", "event", "request_id", "endpoint",
            "client_address", "client_id", "principal", "subject", "error_code", "error_description", "token_id",
            "credential_configuration_id", "vct", "format", "dialect", "holder_key_thumbprint", "credential_id",
            "credential_digest", "disclosed_claims", "offer_id", "reason", "event_description", "deferred_id", "doctype");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "event", nullable = false)
    private String event;

    @Column(name = "request_id", nullable = false)
    private String requestId;

    @Column(name = "endpoint", nullable = false)
    private String endpoint;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "principal")
    private String principal;

    @Column(name = "subject")
    private String subject;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_description")
    private String errorDescription;

    @Column(name = "token_id")
    private String tokenId;

    @Column(name = "credential_configuration_id")
    private String credentialConfigurationId;

    @Column(name = "vct")
    private String vct;

    @Column(name = "format")
    private String format;

    @Column(name = "doctype")
    private String doctype;

    @Column(name = "dialect")
    private String dialect;

    @Column(name = "holder_key_thumbprint")
    private String holderKeyThumbprint;

    @Column(name = "credential_id")
    private String credentialId;

    @Column(name = "credential_digest")
    private String credentialDigest;

    @Column(name = "disclosed_claims")
    private String disclosedClaims;

    @Column(name = "offer_id")
    private String offerId;

    @Column(name = "reason")
    private String reason;

    @Column(name = "event_description")
    private String eventDescription;

    @Column(name = "deferred_id")
    private String deferredId;

    protected IssuanceEvent() {
        // JPA
    }

    private IssuanceEvent(Kind kind, AuditContext context, OffsetDateTime at) {
        this.event = kind.column();
        // PostgreSQL keeps microseconds and rounds finer input: cut here, so the row holds exactly the
        // time its observers are given (a webhook's timestamp equals the events API's occurred_at)
        this.occurredAt = at.truncatedTo(ChronoUnit.MICROS);
        this.requestId = context.requestId();
        this.endpoint = context.endpoint();
        this.clientAddress = truncate(context.clientAddress(), 64);
        this.clientId = truncate(context.clientId(), 255);
        this.principal = truncate(context.principal(), 255);
        this.subject = truncate(context.subject(), 255);
        this.tokenId = truncate(context.tokenId(), 255);
        this.offerId = context.offerId().orElse(null);
        this.dialect = context.dialect().orElse(null);
        this.credentialConfigurationId = truncate(context.credentialConfigurationId(), 255);
        this.format = truncate(context.format(), 32);
        // OID4VCI 1.0 Appendix A.2: an mdoc is typed by its doctype, an SD-JWT VC by its vct
        if (CredentialConfiguration.FORMAT_MSO_MDOC.equals(format)) {
            this.doctype = truncate(context.credentialType(), 256);
        } else {
            this.vct = truncate(context.credentialType(), 1024);
        }
        this.deferredId = context.deferredId().orElse(null);
    }

    public static IssuanceEvent requestStarted(AuditContext context, OffsetDateTime at) {
        return new IssuanceEvent(Kind.REQUEST_STARTED, context, at);
    }

    public static IssuanceEvent credentialIssued(AuditContext context, IssuedCredential credential, OffsetDateTime at) {
        IssuanceEvent row = new IssuanceEvent(Kind.CREDENTIAL_ISSUED, context, at);
        row.credentialId = credential.credentialId();
        row.credentialDigest = credential.digest();
        row.holderKeyThumbprint = credential.holderKeyThumbprint();
        JsonArrayBuilder names = Jsonp.PROVIDER.createArrayBuilder();
        credential.disclosedClaims().forEach(names::add);
        row.disclosedClaims = names.build().toString();
        return row;
    }

    public static IssuanceEvent requestFailed(AuditContext context, String errorCode, String description,
            OffsetDateTime at) {
        IssuanceEvent row = new IssuanceEvent(Kind.REQUEST_FAILED, context, at);
        row.errorCode = errorCode;
        row.errorDescription = truncate(Optional.ofNullable(description), MAX_DESCRIPTION);
        return row;
    }

    /** A wallet's notification (OID4VCI 1.0 §11.1) about one credential it was issued. */
    public static IssuanceEvent notified(Kind kind, AuditContext context, String credentialId,
            Optional<String> eventDescription, OffsetDateTime at) {
        if (kind != Kind.CREDENTIAL_ACCEPTED && kind != Kind.CREDENTIAL_FAILURE && kind != Kind.CREDENTIAL_DELETED) {
            throw new IllegalArgumentException(kind + " is not a notification");
        }
        IssuanceEvent row = new IssuanceEvent(kind, context, at);
        row.credentialId = credentialId;
        row.eventDescription = truncate(eventDescription, MAX_DESCRIPTION);
        return row;
    }

    /** A step of the pre-authorized code flow: offer created, revoked or redeemed, token issued. */
    public static IssuanceEvent offerStep(Kind kind, AuditContext context, OffsetDateTime at) {
        if (kind != Kind.OFFER_CREATED && kind != Kind.OFFER_REVOKED && kind != Kind.OFFER_REDEEMED
                && kind != Kind.TOKEN_ISSUED) {
            throw new IllegalArgumentException(kind + " has its own factory");
        }
        return new IssuanceEvent(kind, context, at);
    }

    /** A back-office status change of one credential (revoked, suspended, reinstated), with its reason. */
    public static IssuanceEvent statusChanged(Kind kind, AuditContext context, String credentialId, String reason,
            OffsetDateTime at) {
        if (kind != Kind.CREDENTIAL_REVOKED && kind != Kind.CREDENTIAL_SUSPENDED && kind != Kind.CREDENTIAL_REINSTATED) {
            throw new IllegalArgumentException(kind + " is not a status change");
        }
        IssuanceEvent row = new IssuanceEvent(kind, context, at);
        row.credentialId = credentialId;
        row.reason = truncate(Optional.ofNullable(reason), MAX_DESCRIPTION);
        return row;
    }

    /**
     * A step of a deferred transaction (credential_deferred, deferred_approved, deferred_rejected,
     * deferred_expired); the context names the transaction, a rejection carries its reason.
     */
    public static IssuanceEvent deferredStep(Kind kind, AuditContext context, Optional<String> reason, OffsetDateTime at) {
        if (kind != Kind.CREDENTIAL_DEFERRED && kind != Kind.DEFERRED_APPROVED && kind != Kind.DEFERRED_REJECTED
                && kind != Kind.DEFERRED_EXPIRED) {
            throw new IllegalArgumentException(kind + " is not a step of a deferred transaction");
        }
        if (context.deferredId().isEmpty()) {
            throw new IllegalArgumentException(kind + " needs the transaction's id");
        }
        IssuanceEvent row = new IssuanceEvent(kind, context, at);
        row.reason = truncate(reason, MAX_DESCRIPTION);
        return row;
    }

    private static String truncate(Optional<String> value, int max) {
        return value.map(v -> v.length() <= max ? v : v.substring(0, max)).orElse(null);
    }

    /** This row's values in {@link #COLUMNS} order; null where the row has none. */
    public Object[] columnValues() {
        return new Object[] {occurredAt, event, requestId, endpoint, clientAddress, clientId, principal, subject,
            errorCode, errorDescription, tokenId, credentialConfigurationId, vct, format, dialect, holderKeyThumbprint,
            credentialId, credentialDigest, disclosedClaims, offerId, reason, eventDescription, deferredId, doctype};
    }

    public String event() {
        return event;
    }

    public boolean is(Kind kind) {
        return event.equals(kind.column());
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorDescription() {
        return errorDescription;
    }

    public String endpoint() {
        return endpoint;
    }

    public String dialect() {
        return dialect;
    }

    public String credentialConfigurationId() {
        return credentialConfigurationId;
    }
}
