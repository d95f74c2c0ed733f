package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.painladder.domain.regimen.OpioidTolerance;

/**
 * What the rules need to know about the current analgesic regimen, computed by the service from the regimen domain.
 *
 * @param ladderStep                   the step derived from the regimen (clinical-rules §1.2)
 * @param omeddMg                      scheduled oral morphine equivalent, mg/day
 * @param prnOmeddMg                   PRN oral morphine equivalent if every rescue were taken, mg/day
 * @param regimenVersion               0 when the patient has no regimen
 * @param effectiveAt                  when this regimen version took effect, null without a regimen
 * @param lastScheduledOpioidChangeAt  effectiveAt of the latest regimen that changed a scheduled opioid dose (the first
 *                                     one included); titration intervals count from here (api.md)
 * @param step3Since                   when the regimen first reached step 3 in the current stretch; null unless on
 * step 3
 * @param strongOpioidsTriedSinceStep3 distinct strong-opioid codes scheduled since then
 * @param opioidDoseIncreasesAt        effectiveAt of the regimen versions of the last 7 days that raised a scheduled
 *                                     opioid's daily dose (ROT-02: titration blocked by adverse effects); added after
 *                                     the seam, empty when the service does not supply it
 * @param warningCodes                 the codes of the regimen's warnings (FENTANYL_PATCH_NOT_OPIOID_TOLERANT,
 *                                     ORGAN_FUNCTION, NO_LAXATIVE …): §8.1 never proposes more of what they flag
 * @param toleranceDoseSince           since when the regimens, up to this one, have given an opioid-tolerance dose
 *                                     without a break ({@link OpioidTolerance#doseHeldSince}); null when this one does
 *                                     not
 * @param strongOpioidTrials           each strong opioid's stretches since step-3 entry, for REF-01's adequate trial
 *                                     ({@link StepThreeTrial}); empty when the service does not supply them
 */
public record RegimenFacts(int ladderStep, BigDecimal omeddMg, BigDecimal prnOmeddMg, List<ScheduledDrug> scheduled,
                           List<RescueDose> rescues, long regimenVersion, Instant effectiveAt,
                           Instant lastScheduledOpioidChangeAt, Instant step3Since,
                           Set<String> strongOpioidsTriedSinceStep3, boolean adjuvantScheduled,
                           Set<String> scheduledCodes, List<Instant> opioidDoseIncreasesAt,
                           Set<String> warningCodes, Instant toleranceDoseSince,
                           List<OpioidTrial> strongOpioidTrials) {

    public RegimenFacts {
        omeddMg = omeddMg == null ? BigDecimal.ZERO : omeddMg;
        prnOmeddMg = prnOmeddMg == null ? BigDecimal.ZERO : prnOmeddMg;
        scheduled = scheduled == null ? List.of() : List.copyOf(scheduled);
        rescues = rescues == null ? List.of() : List.copyOf(rescues);
        strongOpioidsTriedSinceStep3 = strongOpioidsTriedSinceStep3 == null ? Set.of()
                : Set.copyOf(strongOpioidsTriedSinceStep3);
        scheduledCodes = scheduledCodes == null ? Set.of() : Set.copyOf(scheduledCodes);
        opioidDoseIncreasesAt = opioidDoseIncreasesAt == null ? List.of()
                : opioidDoseIncreasesAt.stream().sorted().toList();
        warningCodes = warningCodes == null ? Set.of() : Set.copyOf(warningCodes);
        strongOpioidTrials = strongOpioidTrials == null ? List.of() : List.copyOf(strongOpioidTrials);
        if (ladderStep < 0 || ladderStep > 3) {
            throw new IllegalArgumentException("ladderStep must be 0-3, got " + ladderStep);
        }
    }

    /** Without the trials of each strong opioid: REF-01 then counts every strong opioid scheduled since step 3. */
    public RegimenFacts(int ladderStep, BigDecimal omeddMg, BigDecimal prnOmeddMg, List<ScheduledDrug> scheduled,
                        List<RescueDose> rescues, long regimenVersion, Instant effectiveAt,
                        Instant lastScheduledOpioidChangeAt, Instant step3Since,
                        Set<String> strongOpioidsTriedSinceStep3, boolean adjuvantScheduled,
                        Set<String> scheduledCodes, List<Instant> opioidDoseIncreasesAt,
                        Set<String> warningCodes, Instant toleranceDoseSince) {
        this(ladderStep, omeddMg, prnOmeddMg, scheduled, rescues, regimenVersion, effectiveAt,
                lastScheduledOpioidChangeAt, step3Since, strongOpioidsTriedSinceStep3, adjuvantScheduled,
                scheduledCodes, opioidDoseIncreasesAt, warningCodes, toleranceDoseSince, List.of());
    }

    /** The seam's original shape, without the dose increases (ROT-02 then never fires) nor warnings. */
    public RegimenFacts(int ladderStep, BigDecimal omeddMg, BigDecimal prnOmeddMg, List<ScheduledDrug> scheduled,
                        List<RescueDose> rescues, long regimenVersion, Instant effectiveAt,
                        Instant lastScheduledOpioidChangeAt, Instant step3Since,
                        Set<String> strongOpioidsTriedSinceStep3, boolean adjuvantScheduled,
                        Set<String> scheduledCodes) {
        this(ladderStep, omeddMg, prnOmeddMg, scheduled, rescues, regimenVersion, effectiveAt,
                lastScheduledOpioidChangeAt, step3Since, strongOpioidsTriedSinceStep3, adjuvantScheduled,
                        scheduledCodes,
                List.of(), Set.of(), null, List.of());
    }

    /** A patient with no analgesic regimen recorded. */
    public static RegimenFacts none() {
        return new RegimenFacts(0, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of(), 0, null, null, null,
                Set.of(), false, Set.of());
    }

    public boolean hasRegimen() {
        return regimenVersion > 0;
    }

    public boolean hasScheduledOpioid() {
        return scheduled.stream().anyMatch(ScheduledDrug::isOpioid);
    }

    /**
     * The one judgement of opioid tolerance the rules use (§1.10: the tolerance dose for at least a week), for TIRF,
     * a patch or a conversion to one; a patch started without it does not make the patient tolerant (§8.5).
     */
    public boolean opioidTolerant(Instant now) {
        return toleranceDoseSince != null && !toleranceDoseSince.isAfter(now.minus(OpioidTolerance.MIN_DURATION))
                && !patchWithoutTolerance();
    }

    /** A fentanyl patch in a patient who was not opioid-tolerant when it was prescribed (§1.10, §8.5). */
    public boolean patchWithoutTolerance() {
        return warningCodes.contains("FENTANYL_PATCH_NOT_OPIOID_TOLERANT");
    }

    /** Every drug of the regimen, scheduled or as needed, by code: what a new drug could interact with. */
    public Set<String> drugsTaken() {
        Set<String> taken = new java.util.LinkedHashSet<>(scheduledCodes);
        scheduled.forEach(drug -> taken.add(drug.code()));
        rescues.forEach(rescue -> taken.add(rescue.code()));
        return taken;
    }

    public boolean isScheduled(String code) {
        return scheduledCodes.contains(code) || scheduled.stream().anyMatch(d -> Objects.equals(d.code(), code));
    }
}
