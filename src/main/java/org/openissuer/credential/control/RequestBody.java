package org.openissuer.credential.control;

/** The request body, read only once the caller is authenticated (a 401 beats a 400). */
@FunctionalInterface
public interface RequestBody {

    byte[] read();
}
