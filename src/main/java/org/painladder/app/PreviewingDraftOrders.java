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
     * @param before         the regimen in force and its evaluation as recorded; empty before a first regimen
     * @param after          the regimen with the drafts, evaluated now; null when a draft line breaks a formulary rule
     * @param regimenAfter   the lines evaluated (current lines kept, replaced ones swapped for their drafts)
     * @param violations     draft lines the formulary refuses (route not given for the drug, dose out of range …),
     *                       named {@code items[n]} by their place in the draft list
     * @param latestPainBand the band of the latest background score, or null when none is known
     */
    public record DraftPreview(Optional<RecordedRegimen> before, RegimenEvaluation after, Regimen regimenAfter,
                               List<RegimenViolation> violations, PainBand latestPainBand) {
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

    /**
     * @param drafts        the draft lines, in the order of the draft orders
     * @param replacedLines given the current regimen's id, the indexes of its lines that a draft changes (an update
     *                      of an active order rather than a new one)
     */
    @Transactional
    public DraftPreview preview(Patient patient, List<ProposedItem> drafts,
                                Function<UUID, Set<Integer>> replacedLines) {
        Instant now = clock.instant();
        Optional<RecordedRegimen> current = regimens.current(patient.id());
        Set<Integer> replaced = current.map(recorded -> replacedLines.apply(recorded.id())).orElse(Set.of());
        Integer latestScore = patient.state().latestBackgroundScore();
        PainBand band = latestScore == null ? null : PainBand.forScore(latestScore, rules.bandEdges());
        Validated<Regimen> checked = Regimen.check(drafts, formulary);
        if (checked instanceof Validated.Invalid<Regimen> invalid) {
            return new DraftPreview(current, null, null, invalid.violations(), band);
        }
        List<RegimenItem> lines = new ArrayList<>();
        List<RegimenItem> currentLines = current.map(recorded -> recorded.regimen().items()).orElse(List.of());
        for (int index = 0; index < currentLines.size(); index++) {
            if (!replaced.contains(index)) {
                lines.add(currentLines.get(index));
            }
        }
        lines.addAll(((Validated.Valid<Regimen>) checked).value().items());
        Regimen after = new Regimen(lines);
        return new DraftPreview(current, evaluatingRegimen.evaluate(patient, after, now), after, List.of(), band);
    }
}
