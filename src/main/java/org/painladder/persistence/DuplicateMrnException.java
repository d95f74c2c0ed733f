package org.painladder.persistence;

/** The database refused a second patient with the same MRN. */
public class DuplicateMrnException extends RuntimeException {

    DuplicateMrnException(Throwable cause) {
        super("A patient with this MRN already exists", cause);
    }
}
