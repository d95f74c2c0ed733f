package org.painladder.domain.refractory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.Severity;

/**
 * A patient on step 3, charted the way a ward would: by default a pancreatic cancer patient 15 days into a step-3
 * trial on oxycodone 160 mg/d (OMEDD 240), with background NRS 6, 7, 7 over the last day and 2 breakthrough
 * episodes a day. Each test changes what its vignette is about.
 */
final class Vignette {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private int ladderStep = 3;
    private Instant step3Since = NOW.minus(Duration.ofDays(15));
    private BigDecimal omeddMg = new BigDecimal("240");
    private String omeddTrace = "oxycodone 160 mg/d ×1.5";
    private Set<String> opioidsTried = Set.of("OXYCODONE");
    private boolean adjuvant;
    private PainMechanism mechanism = PainMechanism.NOCICEPTIVE_VISCERAL;
    private final List<PainAssessment> backgroundScores = new ArrayList<>();
    private final List<PainAssessment> otherAssessments = new ArrayList<>();

    static Vignette onStep3() {
        return new Vignette();
    }

    Vignette daysOnStep3(long days) {
        step3Since = NOW.minus(Duration.ofDays(days));
        return this;
    }

    Vignette step3Since(Instant since) {
        step3Since = since;
        return this;
    }

    Vignette ladderStep(int step) {
        ladderStep = step;
        step3Since = step == 3 ? step3Since : null;
        return this;
    }

    Vignette omedd(String mg, String trace) {
        omeddMg = new BigDecimal(mg);
        omeddTrace = trace;
        return this;
    }

    Vignette opioidsTried(String... drugs) {
        opioidsTried = Set.of(drugs);
        return this;
    }

    Vignette adjuvantScheduled() {
        adjuvant = true;
        return this;
    }

    /** Call before adding assessments: they are charted with this mechanism. */
    Vignette mechanism(PainMechanism painMechanism) {
        mechanism = painMechanism;
        return this;
    }

    /** Replaces the default scores with these background scores, hours before now. */
    Vignette background(int score, long hoursAgo, int breakthroughEpisodes) {
        backgroundScores.add(assessment(score, hoursAgo, AssessmentKind.BACKGROUND, PainCourse.CHRONIC, null,
                breakthroughEpisodes, List.of()));
        return this;
    }

    Vignette adverseEffect(AdverseEffectType type, Severity severity, long hoursAgo) {
        otherAssessments.add(assessment(5, hoursAgo, AssessmentKind.BREAKTHROUGH, PainCourse.CHRONIC, null, null,
                List.of(new AdverseEffect(type, severity))));
        return this;
    }

    Vignette acuteEpisode(AcuteCause cause, int score, long hoursAgo) {
        otherAssessments.add(assessment(score, hoursAgo, AssessmentKind.BACKGROUND, PainCourse.ACUTE, cause, 6, List.of()));
        return this;
    }

    /** A movement-related (INCIDENT) breakthrough report with this many episodes in 24 h, hours before now. */
    Vignette incident(int episodes, long hoursAgo) {
        otherAssessments.add(new PainAssessment(UUID.randomUUID(), NOW.minus(Duration.ofHours(hoursAgo)),
                PainScale.NRS, "7", 7, AssessmentKind.BREAKTHROUGH, PainSite.ABDOMEN_UPPER, mechanism,
                PainCourse.CHRONIC, null, episodes, List.of(), BreakthroughType.INCIDENT, null));
        return this;
    }

    RefractoryFacts facts(RefractoryPolicy policy) {
        List<PainAssessment> recent = new ArrayList<>(backgroundScores.isEmpty() ? List.of(
                assessment(6, 20, AssessmentKind.BACKGROUND, PainCourse.CHRONIC, null, 2, List.of()),
                assessment(7, 12, AssessmentKind.BACKGROUND, PainCourse.CHRONIC, null, 2, List.of()),
                assessment(7, 2, AssessmentKind.BACKGROUND, PainCourse.CHRONIC, null, 2, List.of()))
                : backgroundScores);
        recent.addAll(otherAssessments);
        // Late EHR feeds arrive out of order: hand them over newest first to show that recordedAt decides.
        recent.sort((a, b) -> b.recordedAt().compareTo(a.recordedAt()));
        return RefractoryFacts.fromRecentAssessments(NOW, ladderStep, step3Since, omeddMg, omeddTrace, opioidsTried,
                adjuvant, recent, policy);
    }

    RefractoryFacts facts() {
        return facts(RefractoryPolicy.defaults());
    }

    RefractoryVerdict verdict() {
        return new RefractoryDetector(RefractoryPolicy.defaults()).evaluate(facts());
    }

    private PainAssessment assessment(int score, long hoursAgo, AssessmentKind kind, PainCourse course,
                                      AcuteCause cause, Integer episodes, List<AdverseEffect> effects) {
        return new PainAssessment(UUID.randomUUID(), NOW.minus(Duration.ofHours(hoursAgo)), PainScale.NRS,
                Integer.toString(score), score, kind, PainSite.ABDOMEN_UPPER, mechanism, course, cause, episodes, effects,
                null, null);
    }
}
