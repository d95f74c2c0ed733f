package org.painladder.app;

/** The request contradicts what is stored: a duplicate, a reused identifier, a forbidden state change (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String detail) {
        super(detail);
    }
}
