package org.painladder.interop.fhir;

/** The body is not a FHIR R4 resource of the expected type (400 OperationOutcome). */
class UnparsableResourceException extends RuntimeException {

    private final String resourceType;

    UnparsableResourceException(String resourceType, String parserMessage) {
        super(parserMessage);
        this.resourceType = resourceType;
    }

    String resourceType() {
        return resourceType;
    }
}
