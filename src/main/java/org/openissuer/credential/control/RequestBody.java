package org.openissuer.credential.control;

/** The request body, read only once the caller is authenticated (a 401 beats a 400). */
@FunctionalInterface
public interface RequestBody {

    Received read();

    /** The bytes as sent; encrypted when the content type was application/jwt (OID4VCI 1.0 §10). */
    record Received(byte[] bytes, boolean encrypted) {
    }
}
