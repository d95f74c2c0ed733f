package org.painladder.api.problem;

/**
 * How an error leaves under some paths when problem+json is not what their clients read: a FHIR client expects an
 * OperationOutcome. Errors answered outside JAX-RS (at the HTTP edge) are written through this too.
 */
public interface ErrorBodyFormat {

    boolean serves(String path);

    String mediaType();

    String write(Problem problem);
}
