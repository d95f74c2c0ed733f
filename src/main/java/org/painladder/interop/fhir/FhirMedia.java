package org.painladder.interop.fhir;

/** The FHIR JSON media type (FHIR R4 http.html#mime). */
final class FhirMedia {
    static final String FHIR_JSON = "application/fhir+json";

    private FhirMedia() {
    }
}
