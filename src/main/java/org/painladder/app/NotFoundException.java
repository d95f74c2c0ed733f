package org.painladder.app;

import java.util.UUID;

/** The id names nothing of this kind (404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String resourceType, UUID id) {
        super("No " + resourceType + " with id " + id);
    }

    /** For a resource that is absent rather than unknown, with a detail that says what to do. */
    public NotFoundException(String detail) {
        super(detail);
    }
}
