package org.openissuer.error;

import java.util.Objects;

/** Thrown by control code; mapped to the wire by {@link IssuerErrorMapper}. */
public class IssuerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final IssuerError error;

    public IssuerException(IssuerError error, String description) {
        super(description);
        this.error = Objects.requireNonNull(error);
    }

    public IssuerException(IssuerError error, String description, Throwable cause) {
        super(description, cause);
        this.error = Objects.requireNonNull(error);
    }

    public IssuerError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
