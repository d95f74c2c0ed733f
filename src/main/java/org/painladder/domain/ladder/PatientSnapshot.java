package org.painladder.domain.ladder;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.patient.PrimarySite;

/**
 * The patient as the rules see them when a new fact arrives: the live ladder step, the profile facts the rules read,
 * the current regimen, the bounded window of recent assessments ({@link LadderPolicy#snapshotWindow()} back from now,
 * never the whole history) and the recommendations still pending.
 *
 * @param ladderStep         the live step (set by regimen changes and accepted escalations)
 * @param recentAssessments  assessments recorded inside the window; the order given does not matter, the engine orders
 *                           them by recordedAt. The new assessment may be included or not: the engine adds it once.
 * @param procedures         interventions done in the last {@link CompletedProcedure#LOOK_BACK} (STD-01's
 *                           cause-directed arm)
 */
public record PatientSnapshot(UUID patientId, int ladderStep, Instant ladderSince, boolean boneMetastases,
                              Set<PainCondition> painConditions, Integer lifeExpectancyMonths,
                              PrimarySite primarySite, Set<Contraindication> contraindications,
                              RegimenFacts regimen, List<PainAssessment> recentAssessments,
                              List<PendingRecommendation> pending, PatientFactors factors,
                              Set<OrganFunctionBand> organFunctionBands, List<CompletedProcedure> procedures) {

    public PatientSnapshot {
        painConditions = painConditions == null ? Set.of() : Set.copyOf(painConditions);
        contraindications = contraindications == null ? Set.of() : Set.copyOf(contraindications);
        regimen = regimen == null ? RegimenFacts.none() : regimen;
        recentAssessments = recentAssessments == null ? List.of()
                : recentAssessments.stream().sorted(Comparator.comparing(PainAssessment::recordedAt)).toList();
        pending = pending == null ? List.of() : List.copyOf(pending);
        factors = factors == null ? PatientFactors.none() : factors;
        organFunctionBands = organFunctionBands == null ? Set.of() : Set.copyOf(organFunctionBands);
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
    }

    /** A snapshot with no procedure recorded. */
    public PatientSnapshot(UUID patientId, int ladderStep, Instant ladderSince, boolean boneMetastases,
                           Set<PainCondition> painConditions, Integer lifeExpectancyMonths, PrimarySite primarySite,
                           Set<Contraindication> contraindications, RegimenFacts regimen,
                           List<PainAssessment> recentAssessments, List<PendingRecommendation> pending,
                           PatientFactors factors, Set<OrganFunctionBand> organFunctionBands) {
        this(patientId, ladderStep, ladderSince, boneMetastases, painConditions, lifeExpectancyMonths, primarySite,
                contraindications, regimen, recentAssessments, pending, factors, organFunctionBands, List.of());
    }
}
