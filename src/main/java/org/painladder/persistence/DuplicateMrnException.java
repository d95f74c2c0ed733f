package org.painladder.persistence;

/** The database refused a second patient with the same MRN. */
public class DuplicateMrnException extends RuntimeException {
    private final String mrn;

    DuplicateMrnException(String mrn, Throwable cause) {
        super("A patient with this MRN already exists", cause);
        this.mrn = mrn;
    }

    public String mrn() {
        return mrn;
    }
}
