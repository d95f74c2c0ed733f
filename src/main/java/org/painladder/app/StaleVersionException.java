package org.painladder.app;

/** The client's If-Match names no version that is current (412). */
public class StaleVersionException extends RuntimeException {
    StaleVersionException(String message) {
        super(message);
    }
}
