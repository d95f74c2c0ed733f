package org.painladder.persistence;

/** The database refused a second case that is not CLOSED for the same patient. */
public class DuplicateOpenCaseException extends RuntimeException {
    DuplicateOpenCaseException(Throwable cause) {
        super("The patient already has a refractory case that is not CLOSED", cause);
    }
}
