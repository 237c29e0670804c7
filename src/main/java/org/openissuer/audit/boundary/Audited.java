package org.openissuer.audit.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource (or method) whose refusals go on the audit trail: {@link RequestAuditFilter} opens the
 * request's audit context, the error mappers record a refusal from it. A method's annotation wins
 * over its class's.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Audited {

    /** The endpoint column of the request's rows. */
    String value();

    /**
     * Whether a refusal is on record as request_started and request_failed, as at the endpoints whose
     * accepted requests also start with a request_started row; otherwise as request_failed alone.
     */
    boolean startsRequest() default false;

    /** Whether a fault (a 500 or 503) is on record too, as server_error, and not only protocol errors. */
    boolean faults() default false;
}
