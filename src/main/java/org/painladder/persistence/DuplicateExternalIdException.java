package org.painladder.persistence;

/** Another transaction stored an assessment with the same externalId for the same patient first. */
public class DuplicateExternalIdException extends RuntimeException {
    DuplicateExternalIdException(Throwable cause) {
        super("An assessment with this externalId already exists for the patient", cause);
    }
}
