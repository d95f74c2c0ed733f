package org.painladder.domain.ladder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
import org.painladder.domain.pain.RedFlag;
import org.painladder.domain.pain.ScaleReading;
import org.painladder.domain.pain.Severity;

/**
 * Pain assessments as a nurse charts them, read as a sentence: {@code assessments().background(7).btp(4).hoursAgo(2)}.
 * Ids are deterministic so that a rerun gives the same decisions.
 */
final class Assessments {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private PainScale scale = PainScale.NRS;
    private String rawValue = "0";
    private int score;
    private AssessmentKind kind = AssessmentKind.BACKGROUND;
    private PainSite site = PainSite.ABDOMEN_UPPER;
    private PainMechanism mechanism = PainMechanism.NOCICEPTIVE_VISCERAL;
    private PainCourse course = PainCourse.CHRONIC;
    private AcuteCause acuteCause;
    private Integer btp = 1;
    private final List<AdverseEffect> adverseEffects = new ArrayList<>();
    private BreakthroughType breakthroughType;
    private final Set<RedFlag> redFlags = EnumSet.noneOf(RedFlag.class);

    static Assessments assessments() {
        return new Assessments();
    }

    Assessments background(int nrs) {
        kind = AssessmentKind.BACKGROUND;
        return nrs(nrs);
    }

    Assessments breakthrough(int nrs) {
        kind = AssessmentKind.BREAKTHROUGH;
        return nrs(nrs);
    }

    private Assessments nrs(int nrs) {
        scale = PainScale.NRS;
        rawValue = Integer.toString(nrs);
        score = nrs;
        return this;
    }

    /** A background VAS in mm, normalised through the real scale (35 mm → 4, 65 mm → 7). */
    Assessments vas(int mm) {
        kind = AssessmentKind.BACKGROUND;
        scale = PainScale.VAS;
        ScaleReading.Accepted reading = (ScaleReading.Accepted) PainScale.VAS.read(Integer.toString(mm));
        rawValue = reading.rawValue();
        score = reading.score();
        return this;
    }

    Assessments btp(Integer episodes) {
        btp = episodes;
        return this;
    }

    Assessments site(PainSite painSite) {
        site = painSite;
        return this;
    }

    Assessments mechanism(PainMechanism painMechanism) {
        mechanism = painMechanism;
        return this;
    }

    Assessments acute(AcuteCause cause) {
        course = PainCourse.ACUTE;
        acuteCause = cause;
        return this;
    }

    Assessments with(AdverseEffectType type, Severity severity) {
        adverseEffects.add(new AdverseEffect(type, severity));
        return this;
    }

    Assessments type(BreakthroughType type) {
        breakthroughType = type;
        return this;
    }

    Assessments flag(RedFlag flag) {
        redFlags.add(flag);
        return this;
    }

    PainAssessment hoursAgo(double hours) {
        return at(NOW.minus(Duration.ofMinutes(Math.round(hours * 60))));
    }

    PainAssessment daysAgo(double days) {
        return hoursAgo(days * 24);
    }

    PainAssessment now() {
        return at(NOW);
    }

    PainAssessment at(Instant recordedAt) {
        UUID id = new UUID(0x5ca1eL, SEQUENCE.incrementAndGet());
        return new PainAssessment(id, recordedAt, scale, rawValue, score, kind, site, mechanism, course, acuteCause,
                btp, List.copyOf(adverseEffects), breakthroughType, redFlags);
    }
}
