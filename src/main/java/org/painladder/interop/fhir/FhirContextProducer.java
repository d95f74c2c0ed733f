package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/** One FHIR R4 context for the whole service: it is thread-safe and expensive to build (HAPI's own advice). */
@Singleton
public class FhirContextProducer {

    private static final Logger LOG = Logger.getLogger(FhirContextProducer.class);

    /** What the service reads and writes: HAPI scans each type's model the first time it is used. */
    private static final List<String> RESOURCE_TYPES = List.of("Observation", "MedicationRequest", "Bundle",
            "OperationOutcome", "CapabilityStatement", "Patient");

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    /**
     * Builds the context and the models of the resources the service speaks on a worker thread once the service is
     * up, so that neither readiness nor the first FHIR request waits for HAPI's scan of the R4 model. A request that
     * comes first builds what it needs itself, as before: slower, never refused.
     */
    void warmUp(@Observes StartupEvent started, Instance<FhirContext> context) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                FhirContext fhir = context.get();
                RESOURCE_TYPES.forEach(fhir::getResourceDefinition);
                fhir.newJsonParser();
            } catch (RuntimeException failure) {
                LOG.warnf(failure, "Warming up the FHIR context failed; the first FHIR request will build it");
            }
        });
    }
}
