package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.regimen.LineWarnings;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.Regimen;
import org.painladder.domain.regimen.RegimenEvaluation;
import org.painladder.domain.regimen.RegimenItem;
import org.painladder.domain.regimen.RegimenWarning;
import org.painladder.persistence.PainAssessments;

/**
 * The regimen warning that needs the patient's context (clinical-rules §8.10, APS 2016): a basal opioid infusion for
 * an opioid-naive patient in acute postoperative pain. Opioid-naive: no opioid by the clock in the regimen in force
 * before (PCA demand doses alone do not count); postoperative: the latest assessment of the acute-cause window is acute postoperative pain.
 */
@ApplicationScoped
public class PostoperativeLines {

    private final PainAssessments assessments;
    private final LadderPolicies policies;

    PostoperativeLines(PainAssessments assessments, LadderPolicies policies) {
        this.assessments = assessments;
        this.policies = policies;
    }

    RegimenEvaluation withContextWarnings(UUID patientId, Optional<RecordedRegimen> previous, Regimen regimen,
                                          RegimenEvaluation evaluation, Instant now) {
        boolean opioidNaive = previous.map(before -> before.regimen().items().stream()
                .noneMatch(RegimenItem::opioidByTheClock)).orElse(true);
        List<RegimenWarning> extra = LineWarnings.basalInOpioidNaivePostoperative(regimen, opioidNaive,
                opioidNaive && regimen.items().stream().anyMatch(RegimenItem::isOpioid) && postoperative(patientId, now));
        if (extra.isEmpty()) {
            return evaluation;
        }
        List<RegimenWarning> warnings = new ArrayList<>(evaluation.warnings());
        warnings.addAll(extra);
        return new RegimenEvaluation(evaluation.ladderStep(), evaluation.omedd(), warnings, evaluation.factorsUsed());
    }

    private boolean postoperative(UUID patientId, Instant now) {
        List<PainAssessment> recent = assessments.window(patientId,
                now.minus(Duration.ofDays(policies.current().acuteCauseSuppressionDays())), now);
        return !recent.isEmpty() && recent.get(recent.size() - 1).acuteCause() == AcuteCause.POSTOPERATIVE;
    }
}
