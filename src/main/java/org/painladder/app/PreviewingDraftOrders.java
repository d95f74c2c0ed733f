package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.regimen.ProposedItem;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.Regimen;
import org.painladder.domain.regimen.RegimenEvaluation;
import org.painladder.domain.regimen.RegimenItem;
import org.painladder.domain.regimen.RegimenViolation;
import org.painladder.domain.regimen.Validated;
import org.painladder.persistence.Regimens;

/**
 * "What if these orders were signed?" (CDS Hooks order-select / order-sign): the draft lines are added to the
 * current regimen and the result is evaluated exactly as PUT /regimen would evaluate it, without storing anything.
 */
@ApplicationScoped
public class PreviewingDraftOrders {

    /**
     * @param before           the regimen painladder has recorded, with its evaluation; empty before a first regimen
     * @param beforeEvaluation the current orders evaluated: the recorded evaluation, or the EHR's active orders
     *                         evaluated now when it sent them; null when the patient has none
     * @param after            the current orders with the drafts, evaluated now; null when a draft line breaks a
     *                         formulary rule
     * @param regimenAfter     the lines evaluated (current lines kept, replaced ones swapped for their drafts)
     * @param violations       draft lines the formulary refuses (route not given for the drug, dose out of range …),
     *                         named {@code items[n]} by their place in the draft list
     * @param latestPainBand   the band of the latest background score, or null when none is known
     */
    public record DraftPreview(Optional<RecordedRegimen> before, RegimenEvaluation beforeEvaluation,
                               RegimenEvaluation after, Regimen regimenAfter, List<RegimenViolation> violations,
                               PainBand latestPainBand) {
    }

    /** What the patient is on when the drafts are weighed, and which of those lines the drafts change. */
    public sealed interface CurrentOrders {

        /** painladder's recorded regimen; given its id, the indexes of the lines a draft replaces. */
        record Recorded(Function<UUID, Set<Integer>> replacedLines) implements CurrentOrders {
        }

        /**
         * The EHR's active orders as it sent them (the source of truth at order time); lines the formulary refuses
         * are left out by the caller, {@code replacedLines} index {@code lines}.
         */
        record FromEhr(List<ProposedItem> lines, Set<Integer> replacedLines) implements CurrentOrders {
        }
    }

    private final Regimens regimens;
    private final Formulary formulary;
    private final EvaluatingRegimen evaluatingRegimen;
    private final RulesConfig rules;
    private final Clock clock;

    PreviewingDraftOrders(Regimens regimens, Formulary formulary, EvaluatingRegimen evaluatingRegimen,
                          RulesConfig rules, Clock clock) {
        this.regimens = regimens;
        this.formulary = formulary;
        this.evaluatingRegimen = evaluatingRegimen;
        this.rules = rules;
        this.clock = clock;
    }

    /** @param drafts the draft lines, in the order of the draft orders */
    @Transactional
    public DraftPreview preview(Patient patient, List<ProposedItem> drafts, CurrentOrders currentOrders) {
        Instant now = clock.instant();
        Optional<RecordedRegimen> recorded = regimens.current(patient.id());
        Integer latestScore = patient.state().latestBackgroundScore();
        PainBand band = latestScore == null ? null : PainBand.forScore(latestScore, rules.bandEdges());
        List<RegimenItem> currentLines;
        Set<Integer> replaced;
        RegimenEvaluation before;
        if (currentOrders instanceof CurrentOrders.FromEhr ehr) {
            currentLines = ((Validated.Valid<Regimen>) Regimen.check(ehr.lines(), formulary)).value().items();
            replaced = ehr.replacedLines();
            before = currentLines.isEmpty() ? null : evaluatingRegimen.evaluate(patient, new Regimen(currentLines),
                    now);
        } else {
            currentLines = recorded.map(current -> current.regimen().items()).orElse(List.of());
            replaced = recorded.map(current -> ((CurrentOrders.Recorded) currentOrders).replacedLines()
                    .apply(current.id())).orElse(Set.of());
            before = recorded.map(RecordedRegimen::evaluation).orElse(null);
        }
        Validated<Regimen> checked = Regimen.check(drafts, formulary);
        if (checked instanceof Validated.Invalid<Regimen> invalid) {
            return new DraftPreview(recorded, before, null, null, invalid.violations(), band);
        }
        List<RegimenItem> lines = new ArrayList<>();
        for (int index = 0; index < currentLines.size(); index++) {
            if (!replaced.contains(index)) {
                lines.add(currentLines.get(index));
            }
        }
        lines.addAll(((Validated.Valid<Regimen>) checked).value().items());
        Regimen after = new Regimen(lines);
        return new DraftPreview(recorded, before, evaluatingRegimen.evaluate(patient, after, now), after, List.of(),
                band);
    }

    /** Whether the formulary takes a line the EHR holds as current; one it refuses cannot be weighed. */
    public boolean readable(ProposedItem line) {
        return Regimen.check(List.of(line), formulary) instanceof Validated.Valid<Regimen>;
    }
}
