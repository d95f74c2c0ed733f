package org.painladder.interop.cdshooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The three services painladder offers an EHR, as discovery lists them. */
final class CdsServiceCatalogue {

    static final String PATIENT_VIEW = "painladder-patient-view";
    static final String ORDER_SELECT = "painladder-order-select";
    static final String ORDER_SIGN = "painladder-order-sign";

    private static final String PATIENT = "Patient/{{context.patientId}}";
    private static final String ACTIVE_MEDICATIONS = "MedicationRequest?patient={{context.patientId}}&status=active";

    static final List<CdsHooksJson.Service> SERVICES = List.of(
            new CdsHooksJson.Service("patient-view", "painladder: cancer pain on the WHO ladder",
                    "The patient's pending analgesic recommendations (with the rule and evidence behind each),"
                            + " safety alerts, and an open refractory-pain case.",
                    PATIENT_VIEW, Map.of("patient", PATIENT)),
            new CdsHooksJson.Service("order-select", "painladder: analgesic order check",
                    "Weighs the analgesic orders being selected as if added to the current regimen: OMEDD before"
                            + " and after, regimen warnings, and whether the ladder step fits the patient's pain.",
                    ORDER_SELECT, Map.of("patient", PATIENT, "medications", ACTIVE_MEDICATIONS)),
            new CdsHooksJson.Service("order-sign", "painladder: analgesic order check before signing",
                    "Weighs the analgesic orders about to be signed as if added to the current regimen: OMEDD before"
                            + " and after, regimen warnings, and whether the ladder step fits the patient's pain.",
                    ORDER_SIGN, Map.of("patient", PATIENT, "medications", ACTIVE_MEDICATIONS)));

    private CdsServiceCatalogue() {
    }

    static Optional<CdsHooksJson.Service> byId(String id) {
        return SERVICES.stream().filter(service -> service.id().equals(id)).findFirst();
    }
}
