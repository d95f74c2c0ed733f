package org.painladder.domain.ladder;

import java.util.List;

/** Where clinical-rules §6 leaves a choice, what the engine does and why, in a palliative-care physician's words. */
final class LadderChoices {

    static final List<String> ALL = List.of(
            "Ladder moves are START_STEP_1, ESCALATE_TO_STEP_2, ESCALATE_TO_STEP_3, TITRATE_DOSE (including the SAFETY "
                    + "dose cuts), ROTATE_OPIOID, STEP_DOWN and MAINTAIN: at most one is pending, a new one "
                    + "supersedes it. "
                    + "Cause-directed treatment, adjuvants, rescue-dose checks and referrals sit beside them (§6.3).",
            "Assessments are ordered by recordedAt, never by arrival; on equal times the later arrival is the latest. "
                    + "A late assessment counts where it was recorded, so it can complete a persistence pattern but "
                    + "cannot hide a newer score.",
            "Escalation and up-titration need the latest background score of the escalation window to be moderate or "
                    + "worse: earlier scores show that the pain persisted, the latest that it is still there.",
            "persistentBand counts background scores from the earliest, each at least minSpacingHours after the last "
                    + "one counted; scores exactly escalationWindowHours old are inside the window.",
            "A single moderate score without analgesia starts step 1 (LAD-01) and a reassessment; the weak opioid "
                    + "follows if the pain persists.",
            "The step the rules read is set by the scheduled drugs: a PRN-only opioid is not 'by the clock', so a "
                    + "patient on PRN morphine alone is offered a regular opioid. While an accepted escalation "
                    + "or step-down "
                    + "waits for its prescription (live step differs from the regimen's step) no new ladder "
                    + "move is made.",
            "Starting doses: LAD-02 codeine 30 mg every 4 h (180 mg/day, ceiling 360) or tramadol; LAD-03 oral "
                    + "morphine "
                    + "modified-release at lowDoseStrongOpioidMaxMg.morphine; LAD-04 oral morphine "
                    + "immediate-release 5 mg "
                    + "every 4 h with a 5 mg rescue up to hourly (the lower end of NCCN's 5-15 mg for opioid-naive "
                    + "patients), converted to modified-release after 24-48 h.",
            "LAD-05: the weak opioid has had its chance when it is at its ceiling or when escalationWindowHours have "
                    + "passed since the last change of its dose; it is replaced by oral morphine at the equianalgesic "
                    + "dose (regimen conversion, no cut at these doses), rounded to 5 mg.",
            "Titration: the rescue taken in 24 h is btp24h × the current rescue dose (the api records episodes, not "
                    + "administrations). The new daily dose is rounded to a dose that can be given (oral morphine and "
                    + "oxycodone 5 mg, hydromorphone 2 mg, patches 12.5 mcg/h) when that stays above the current dose "
                    + "and within the cap, else the exact figure is proposed; it never exceeds maxDailyIncreasePct.",
            "Titration intervals count from lastScheduledOpioidChangeAt: the patch interval for transdermal drugs, the "
                    + "methadone interval for methadone, the oral interval for every other route (SC and IV included).",
            "LAD-08 adds the 24-h rescue total but at least +25 % (changes under 25 % are rarely noticed, Fast Fact "
                    + "#20); 'a day' is each of the last three 24-h periods counted back from now.",
            "SAFETY: respiratory depression or severe sedation blocks escalation and up-titration for 24 h after the "
                    + "assessment that reported it, even with no opioid scheduled. Moderate sedation (POSS 3, "
                    + "'unacceptable') on the latest assessment blocks them too, whatever the pain. A pending "
                    + "escalation "
                    + "or up-titration is withdrawn when a SAFETY trigger appears. SAF-01/02 are issued on the "
                    + "assessment "
                    + "that reports the effect, not again on later ones; the restart dose is rounded down.",
            "CAUSE: any acute assessment with a recorded acuteCause in the last acuteCauseSuppressionDays stops "
                    + "every ladder move except the SAFETY dose cuts (the refractory detector suppresses its counting "
                    + "the same way); the CAU recommendation names the symptomatic analgesia for the band, because "
                    + "analgesia is never withheld. Traumatic pain away from bone, low back or limbs gets no CAU-03 "
                    + "card (no fracture to look for) but still holds the ladder.",
            "Rotation comes before titration (a drug causing neurotoxicity is not pushed higher). ROT-01 needs the "
                    + "same intolerable effect on both latest assessments. The new opioid is the first of oxycodone, "
                    + "hydromorphone, morphine (by mouth) that is neither current nor already tried on step 3; "
                    + "methadone and the fentanyl patch are never chosen automatically. The dose is the regimen "
                    + "domain's conversion rounded down. Constipation never counts as dose-limiting (ROT-02).",
            "ROT-03 is expressed with current fields as severe nausea (CTCAE grade 3: oral intake inadequate) on the "
                    + "latest assessment while the strong opioid is oral: the same opioid by continuous subcutaneous "
                    + "infusion with no cut, or subcutaneous morphine less rotationReductionPct when the drug has no "
                    + "subcutaneous factor. Severe nausea persisting over 48 h on two assessments is ROT-01 instead.",
            "STD-01's adverse-effect arm: the same adverse effect on the latest two assessments, all background "
                    + "scores mild or none for stepDownStableDays (at least two, the first within the period's first "
                    + "day), at most 2 breakthrough episodes a day, and 3 days since the last dose change. Pain-free on "
                    + "a weak opioid: stop it (step 1). Its cause-directed arm reads the procedures recorded (POST "
                    + ".../procedures, last 28 days): every background score since the latest one mild or none, at "
                    + "least two minSpacingHours apart, at most 2 breakthrough episodes a day, 3 days since the last "
                    + "dose change; it does not wait stepDownStableDays, because an unchanged dose sedates once the "
                    + "pain drive falls. Spinal and PCA lines are never the line titrated or tapered.",
            "MNT-01 is for patients with a regimen and is issued once per regimen version: when the new assessment "
                    + "first completes a pair of controlled background scores recorded under that version.",
            "RSC-01/02 judge the regimen, so they run when the regimen changes, not at every pain score; rescue doses "
                    + "are rounded to 2.5 mg (oral morphine, oxycodone) when that stays within 10-20 %. ADJ and INT "
                    + "advice reads the latest assessment of any kind and is not repeated while an equal one is "
                    + "pending.",
            "A regimen change supersedes the pending ladder moves written for an earlier regimen version: their doses "
                    + "no longer describe what the patient takes.");

    private LadderChoices() {
    }
}
