package org.painladder.domain.procedure;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.ClosingSuggestion;
import org.painladder.domain.refractory.RefractoryCase;

/**
 * REF-03 (clinical-rules §8.10): a procedure recorded while a refractory case is open suggests closing it with
 * INTERVENTION_DONE. It is the recording that counts, not the performedAt the EHR may backfill: the team records the
 * intervention the case led to. A suggestion only: the palliative team judges the effect and closes the case itself.
 */
public final class ProcedureClosing {

    public static final String RULE_ID = "REF-03";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ProcedureClosing() {
    }

    /** @param procedures the patient's procedures, in any order */
    public static Optional<ClosingSuggestion> suggest(RefractoryCase refractoryCase, List<Procedure> procedures) {
        if (!refractoryCase.status().isOpen()) {
            return Optional.empty();
        }
        return procedures.stream().filter(done -> !done.recordedAt().isBefore(refractoryCase.flaggedAt()))
                .max(Comparator.comparing(Procedure::performedAt))
                .map(done -> new ClosingSuggestion(RULE_ID, CaseStatus.CLOSED, CaseOutcome.INTERVENTION_DONE, null,
                        describe(done) + " done on " + DAY.format(done.performedAt())
                                + (done.outcome() == null ? "" : " (outcome: " + done.outcome() + ")")
                                + ": consider closing the case with outcome INTERVENTION_DONE once its effect is"
                                + " judged. The case stays open until the team closes it."));
    }

    static String describe(Procedure procedure) {
        String name = procedure.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
