package org.painladder.interop.fhir;

/** The body is not a FHIR R4 resource of the expected type (400 OperationOutcome). */
class UnparsableResourceException extends RuntimeException {
    UnparsableResourceException(String parserMessage) {
        super(parserMessage);
    }
}
