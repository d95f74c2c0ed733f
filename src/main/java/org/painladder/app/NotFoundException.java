package org.painladder.app;

import java.util.UUID;

/** The id names nothing of this kind (404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String resourceType, UUID id) {
        super("No " + resourceType + " with id " + id);
    }
}
