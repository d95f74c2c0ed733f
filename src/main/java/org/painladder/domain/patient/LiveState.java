package org.painladder.domain.patient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.painladder.domain.pain.BandEdges;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainControl;

/**
 * The patient's state now, derived from the facts received so far and kept in one row so that reads, the worklist
 * and cohort statistics never recompute it from history. "Latest" means newest by recordedAt, not by arrival.
 */
public record LiveState(
        int ladderStep,
        Instant ladderSince,
        Integer latestScore,
        Instant latestAssessedAt,
        Integer latestBreakthroughEpisodes24h,
        Integer latestBackgroundScore,
        Instant latestBackgroundAt,
        PainControl painControl,
        BigDecimal omeddMg,
        boolean refractory,
        UUID openRefractoryCaseId) {

    public static LiveState initial() {
        return new LiveState(0, null, null, null, null, null, null, PainControl.UNKNOWN, BigDecimal.ZERO, false, null);
    }

    public LiveState withPainControl(PainControl control) {
        return new LiveState(ladderStep, ladderSince, latestScore, latestAssessedAt, latestBreakthroughEpisodes24h,
                latestBackgroundScore, latestBackgroundAt, control, omeddMg, refractory, openRefractoryCaseId);
    }

    /** The state with the patient's case that is not CLOSED, or with none: {@code refractory} follows the case. */
    public LiveState withRefractoryCase(UUID openCaseId) {
        return new LiveState(ladderStep, ladderSince, latestScore, latestAssessedAt, latestBreakthroughEpisodes24h,
                latestBackgroundScore, latestBackgroundAt, painControl, omeddMg, openCaseId != null, openCaseId);
    }

    /** The state once the ladder step has moved (a regimen change, or an accepted escalation or step-down). */
    public LiveState withLadderStep(int step, Instant since) {
        return new LiveState(step, since, latestScore, latestAssessedAt, latestBreakthroughEpisodes24h,
                latestBackgroundScore, latestBackgroundAt, painControl, omeddMg, refractory, openRefractoryCaseId);
    }

    /**
     * The state once this assessment is known. Late EHR feeds arrive out of order, so an assessment only replaces
     * the "latest" values when it was recorded at or after them; on a tie the later arrival wins.
     */
    public LiveState afterAssessment(PainAssessment assessment, Instant now, Duration staleness, BandEdges edges) {
        boolean newest = latestAssessedAt == null || !assessment.recordedAt().isBefore(latestAssessedAt);
        boolean newestBackground = assessment.isBackground()
                && (latestBackgroundAt == null || !assessment.recordedAt().isBefore(latestBackgroundAt));
        Integer score = newest ? Integer.valueOf(assessment.score()) : latestScore;
        Instant assessedAt = newest ? assessment.recordedAt() : latestAssessedAt;
        Integer episodes = newest ? assessment.breakthroughEpisodes24h() : latestBreakthroughEpisodes24h;
        Integer backgroundScore = newestBackground ? Integer.valueOf(assessment.score()) : latestBackgroundScore;
        Instant backgroundAt = newestBackground ? assessment.recordedAt() : latestBackgroundAt;
        PainControl control = PainControl.of(backgroundScore, backgroundAt, episodes, now, staleness, edges);
        return new LiveState(ladderStep, ladderSince, score, assessedAt, episodes, backgroundScore, backgroundAt,
                control, omeddMg, refractory, openRefractoryCaseId);
    }

    /**
     * The state once a stored assessment was corrected or retracted: the "latest" values are those of the scores that
     * still stand, as the caller read them, whatever the corrected one said.
     *
     * @param latest           the newest standing assessment, null when none stands
     * @param latestBackground the newest standing background assessment, null when none stands
     */
    public LiveState afterCorrection(PainAssessment latest, PainAssessment latestBackground, Instant now,
                                     Duration staleness, BandEdges edges) {
        Integer episodes = latest == null ? null : latest.breakthroughEpisodes24h();
        Integer backgroundScore = latestBackground == null ? null : latestBackground.score();
        Instant backgroundAt = latestBackground == null ? null : latestBackground.recordedAt();
        return new LiveState(ladderStep, ladderSince, latest == null ? null : latest.score(),
                latest == null ? null : latest.recordedAt(), episodes, backgroundScore, backgroundAt,
                PainControl.of(backgroundScore, backgroundAt, episodes, now, staleness, edges), omeddMg, refractory,
                openRefractoryCaseId);
    }

    /**
     * The state once a regimen takes effect: its step and scheduled OMEDD. {@code ladderSince} moves only when the
     * step changes, to the moment the regimen took effect.
     */
    public LiveState afterRegimen(int step, BigDecimal scheduledOmeddMg, Instant effectiveAt) {
        Instant since = step == ladderStep ? ladderSince : effectiveAt;
        return new LiveState(step, since, latestScore, latestAssessedAt, latestBreakthroughEpisodes24h,
                latestBackgroundScore, latestBackgroundAt, painControl, scheduledOmeddMg, refractory,
                openRefractoryCaseId);
    }
}
