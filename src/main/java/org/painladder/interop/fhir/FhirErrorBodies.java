package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.painladder.api.problem.ErrorBodyFormat;
import org.painladder.api.problem.Problem;

/** Under /fhir every error is an OperationOutcome, those of the HTTP edge (413, 414, 415, 431) included. */
@ApplicationScoped
class FhirErrorBodies implements ErrorBodyFormat {

    private final FhirContext fhirContext;

    FhirErrorBodies(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @Override
    public boolean serves(String path) {
        return path.startsWith("/fhir/");
    }

    @Override
    public String mediaType() {
        return FhirMedia.FHIR_JSON;
    }

    @Override
    public String write(Problem problem) {
        return fhirContext.newJsonParser().encodeResourceToString(FhirOutcomes.outcome(problem));
    }
}
