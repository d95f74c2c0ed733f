package org.painladder.interop.cdshooks;

import java.util.List;

/**
 * The reasons every card offers a clinician for overriding it (CDS Hooks 2.0 card.overrideReasons): the ones a
 * palliative-care clinician gives for not following analgesic advice. The EHR may add its own; feedback keeps
 * whichever Coding was picked.
 */
final class OverrideReasons {

    static final String SYSTEM = "http://painladder.org/fhir/CodeSystem/override-reason";

    static final List<CdsHooksJson.Coding> OFFERED = List.of(
            new CdsHooksJson.Coding(SYSTEM, "patient-declined", "Patient declined"),
            new CdsHooksJson.Coding(SYSTEM, "already-addressed", "Already addressed"),
            new CdsHooksJson.Coding(SYSTEM, "not-indicated-now", "Clinical judgement: not indicated now"),
            new CdsHooksJson.Coding(SYSTEM, "data-out-of-date", "Pain score or regimen shown is out of date"));

    private OverrideReasons() {
    }
}
