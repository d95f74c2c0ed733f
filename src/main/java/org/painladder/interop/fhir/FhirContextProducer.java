package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One FHIR R4 context for the whole service: it is thread-safe and expensive to build (HAPI's own advice). */
public class FhirContextProducer {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
