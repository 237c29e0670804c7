package org.openissuer.error;

/**
 * Puts a refused or failed request on the audit trail. Declared here, implemented by the audit
 * feature (which uses this package, so this package cannot use it): the mappers call it for every
 * error they write, and the request's audit context decides what, if anything, goes on record.
 */
public interface RefusalRecorder {

    /** For a mapper outside any request that is audited (and for unit tests). */
    RefusalRecorder NONE = new RefusalRecorder() {
        @Override
        public void refused(IssuerException refusal) {
        }

        @Override
        public void failed(Throwable fault) {
        }
    };

    void refused(IssuerException refusal);

    /** A fault that is not a protocol error: answered with server_error (or temporarily_unavailable). */
    void failed(Throwable fault);
}
