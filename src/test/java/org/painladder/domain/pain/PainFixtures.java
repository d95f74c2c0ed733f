package org.painladder.domain.pain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Assessments as a nurse would chart them, for domain tests. */
final class PainFixtures {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private PainFixtures() {
    }

    static PainAssessment background(int score, Instant at) {
        return new PainAssessment(UUID.randomUUID(), at, PainScale.NRS, Integer.toString(score), score,
                AssessmentKind.BACKGROUND, PainSite.ABDOMEN_UPPER, PainMechanism.NOCICEPTIVE_VISCERAL,
                PainCourse.CHRONIC, null, 1, List.of(), null, null);
    }

    static PainAssessment withEpisodes(PainAssessment assessment, int episodes) {
        return new PainAssessment(assessment.id(), assessment.recordedAt(), assessment.scale(), assessment.rawValue(),
                assessment.score(), assessment.kind(), assessment.site(), assessment.mechanism(), assessment.course(),
                assessment.acuteCause(), episodes, assessment.adverseEffects(), assessment.breakthroughType(),
                assessment.redFlags());
    }

    static PainAssessment breakthrough(int score, Instant at) {
        return new PainAssessment(UUID.randomUUID(), at, PainScale.NRS, Integer.toString(score), score,
                AssessmentKind.BREAKTHROUGH, PainSite.ABDOMEN_UPPER, PainMechanism.NOCICEPTIVE_VISCERAL,
                PainCourse.CHRONIC, null, 2, List.of(), null, null);
    }

    static PainAssessment infected(int score, Instant at) {
        return new PainAssessment(UUID.randomUUID(), at, PainScale.NRS, Integer.toString(score), score,
                AssessmentKind.BACKGROUND, PainSite.LIMB_LOWER, PainMechanism.NOCICEPTIVE_SOMATIC,
                PainCourse.ACUTE, AcuteCause.INFECTIOUS_INFLAMMATORY, 0, List.of(), null, null);
    }

    static Instant hoursBefore(long hours) {
        return NOW.minusSeconds(hours * 3600);
    }
}
