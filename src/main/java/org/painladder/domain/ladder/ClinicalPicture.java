package org.painladder.domain.ladder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.Severity;

/**
 * The derived facts of clinical-rules §6.1 at evaluation time {@code now}: the window ordered by recordedAt (never
 * by arrival), background scores, persistence, breakthrough counts and pain control.
 */
final class ClinicalPicture {

    private static final Duration DAY = Duration.ofHours(24);

    private final PatientSnapshot snapshot;
    private final LadderPolicy policy;
    private final Instant now;
    private final PainAssessment newAssessment;
    private final List<PainAssessment> window;
    private final List<PainAssessment> background;
    /** SafetyRules' answer, asked by every proposal's toxicity check and every CAU card: worked out once. */
    private Optional<String> upBlockReason;

    ClinicalPicture(PatientSnapshot snapshot, PainAssessment newAssessment, LadderPolicy policy, Instant now) {
        this.snapshot = snapshot;
        this.policy = policy;
        this.now = now;
        this.newAssessment = newAssessment;
        this.window = window(snapshot.recentAssessments(), newAssessment, now.minus(policy.snapshotWindow()));
        this.background = window.stream().filter(PainAssessment::isBackground).toList();
    }

    /**
     * The window with the new assessment added once. The sort is stable, so on equal recordedAt the later arrival
     * (the new fact, appended last) counts as the latest, as in {@code LiveState}.
     */
    private static List<PainAssessment> window(List<PainAssessment> recent, PainAssessment added, Instant from) {
        List<PainAssessment> all = new ArrayList<>();
        for (PainAssessment a : recent) {
            if (added == null || !sameAssessment(a, added)) {
                all.add(a);
            }
        }
        if (added != null) {
            all.add(added);
        }
        return all.stream().filter(a -> !a.recordedAt().isBefore(from))
                .sorted(Comparator.comparing(PainAssessment::recordedAt)).toList();
    }

    private static boolean sameAssessment(PainAssessment a, PainAssessment b) {
        return a.id() != null ? Objects.equals(a.id(), b.id()) : a.equals(b);
    }

    /** Why escalation and up-titration are withheld now, in words, or empty when they are not (SAF-01..03). */
    Optional<String> upBlockReason() {
        if (upBlockReason == null) {
            upBlockReason = SafetyRules.upBlockReason(this);
        }
        return upBlockReason;
    }

    PatientSnapshot snapshot() {
        return snapshot;
    }

    RegimenFacts regimen() {
        return snapshot.regimen();
    }

    LadderPolicy policy() {
        return policy;
    }

    Instant now() {
        return now;
    }

    Optional<PainAssessment> newAssessment() {
        return Optional.ofNullable(newAssessment);
    }

    List<PainAssessment> window() {
        return window;
    }

    Optional<PainAssessment> latest() {
        return window.isEmpty() ? Optional.empty() : Optional.of(window.get(window.size() - 1));
    }

    /** Background scores inside the escalation window, oldest first (§6.1 {@code bg[window]}). */
    List<PainAssessment> backgroundInEscalationWindow() {
        Instant from = now.minus(Duration.ofHours(policy.escalationWindowHours()));
        return background.stream().filter(a -> !a.recordedAt().isBefore(from)).toList();
    }

    List<PainAssessment> backgroundSince(Instant from) {
        return background.stream().filter(a -> !a.recordedAt().isBefore(from)).toList();
    }

    /** The newest background score inside the escalation window: older ones say nothing about the pain now. */
    Optional<PainAssessment> latestRecentBackground() {
        List<PainAssessment> recent = backgroundInEscalationWindow();
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(recent.size() - 1));
    }

    Optional<PainBand> latestRecentBackgroundBand() {
        return latestRecentBackground().map(this::band);
    }

    PainBand band(PainAssessment assessment) {
        return assessment.band(policy.bandEdges());
    }

    /**
     * §6.1 {@code persistentBand(b, escalationWindow)}: at least {@code minScoresForPersistence} background scores in
     * band ≥ b, each at least {@code minSpacingHours} after the previous one counted. Taking the earliest qualifying
     * score first counts the most scores. Returns the scores counted (empty when not persistent).
     */
    List<PainAssessment> persistentBand(PainBand band) {
        Duration spacing = Duration.ofHours(policy.minSpacingHours());
        List<PainAssessment> counted = new ArrayList<>();
        for (PainAssessment a : backgroundInEscalationWindow()) {
            if (!band(a).atLeast(band)) {
                continue;
            }
            Instant nextAllowed = counted.isEmpty() ? Instant.MIN
                    : counted.get(counted.size() - 1).recordedAt().plus(spacing);
            if (!a.recordedAt().isBefore(nextAllowed)) {
                counted.add(a);
            }
        }
        return counted.size() >= policy.minScoresForPersistence() ? List.copyOf(counted) : List.of();
    }

    /** Background scores in the severe band inside the escalation window. */
    List<PainAssessment> severeInWindow() {
        return backgroundInEscalationWindow().stream().filter(a -> band(a) == PainBand.SEVERE).toList();
    }

    /** §6.1 {@code btp24h}: the breakthrough episodes reported on the latest assessment, 0 when not reported. */
    int btp24h() {
        return latest().map(PainAssessment::breakthroughEpisodesOrZero).orElse(0);
    }

    /**
     * How many of the last three 24-hour periods (counted back from now) had more than {@code threshold}
     * breakthrough episodes on some assessment recorded in that period. Episodes typed INCIDENT or END_OF_DOSE do
     * not count (§8.6): they call for pre-emptive rescue or a shorter interval, not a higher background dose.
     */
    int daysWithBreakthroughAbove(int threshold) {
        int days = 0;
        for (int k = 0; k < 3; k++) {
            Instant to = now.minus(DAY.multipliedBy(k));
            Instant from = to.minus(DAY);
            boolean above = window.stream()
                    .filter(a -> a.recordedAt().isAfter(from) && !a.recordedAt().isAfter(to))
                    .anyMatch(a -> countsTowardTitration(a) && a.breakthroughEpisodes24h() != null
                            && a.breakthroughEpisodes24h() > threshold);
            if (above) {
                days++;
            }
        }
        return days;
    }

    /** §8.6: only spontaneous (or untyped) breakthrough episodes say the background dose is too low. */
    static boolean countsTowardTitration(PainAssessment a) {
        return a.breakthroughType() == null || a.breakthroughType() == BreakthroughType.SPONTANEOUS;
    }

    /** The latest assessment's breakthrough type, when it gives one. */
    Optional<BreakthroughType> latestBreakthroughType() {
        return latest().map(PainAssessment::breakthroughType);
    }

    /** §6.1 {@code painControl}: latest background score against the band edges, and btp24h, within stalenessHours. */
    PainControl painControl() {
        Optional<PainAssessment> latestBackground = background.isEmpty() ? Optional.empty()
                : Optional.of(background.get(background.size() - 1));
        return PainControl.of(latestBackground.map(PainAssessment::score).orElse(null),
                latestBackground.map(PainAssessment::recordedAt).orElse(null),
                latest().map(PainAssessment::breakthroughEpisodes24h).orElse(null),
                now, Duration.ofHours(policy.stalenessHours()), policy.bandEdges());
    }

    /**
     * Why no NSAID may be given now, or empty when one may: fever on the latest assessment (RF-03 holds NSAIDs), an
     * anticoagulant or a coagulopathy on record (bleeding), or an organ-function band that avoids NSAIDs (§8.2).
     */
    Optional<String> nsaidBarred() {
        if (feverReported()) {
            return Optional.of("fever: febrile neutropenia first (RF-03)");
        }
        Optional<String> bleeding = org.painladder.domain.patient.Contraindication.nsaidBleedingRisk(
                snapshot.contraindications());
        if (bleeding.isPresent()) {
            return bleeding;
        }
        OrganFunction.Judgement nsaid = OrganFunction.judge("NSAID", snapshot.organFunctionBands());
        return nsaid.avoid() ? Optional.of(nsaid.reason()) : Optional.empty();
    }

    /** The patient is flagged unable to swallow (§8.2): nothing is given by mouth. */
    boolean cannotSwallow() {
        return snapshot.factors().isUnableToSwallow();
    }

    /** The latest assessment reports fever (§8.8 RF-03): NSAIDs are held. */
    boolean feverReported() {
        return latest().map(a -> a.redFlags().contains(org.painladder.domain.pain.RedFlag.FEVER)).orElse(false);
    }

    /** The latest assessment is acute pain: its rationale carries the acute-pain caution of §6.8. */
    boolean latestIsAcute() {
        return latest().map(a -> a.course() == PainCourse.ACUTE).orElse(false);
    }

    static boolean has(PainAssessment assessment, AdverseEffectType type, Severity atLeast) {
        return assessment.adverseEffects().stream()
                .anyMatch(e -> e.type() == type && e.severity().atLeast(atLeast));
    }

    static Optional<AdverseEffect> worst(PainAssessment assessment, AdverseEffectType type) {
        return assessment.adverseEffects().stream().filter(e -> e.type() == type)
                .max(Comparator.comparing(AdverseEffect::severity));
    }
}
