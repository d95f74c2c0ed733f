package org.painladder.app;

/** The client's If-Match names a version that is no longer current (412). */
public class StaleVersionException extends RuntimeException {
    public StaleVersionException(long expected, long current) {
        super("If-Match names version " + expected + " but the current version is " + current
                + "; read the resource again and reapply the change");
    }
}
