package org.painladder.app;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.painladder.domain.digest.Sha256;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.AssessmentSource;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.RedFlag;

/** A pain assessment as an EHR, a clinician or a patient sent it, before it is read and stored. */
public record NewPainAssessment(
        String externalId,
        Instant recordedAt,
        PainScale scale,
        String rawValue,
        AssessmentKind kind,
        PainSite site,
        PainMechanism mechanism,
        PainCourse course,
        AcuteCause acuteCause,
        Integer breakthroughEpisodes24h,
        List<AdverseEffect> adverseEffects,
        AssessmentSource source,
        BreakthroughType breakthroughType,
        Set<RedFlag> redFlags) {

    /** The externalId column's width; the API's field and the FHIR identifier are held to it. */
    public static final int MAX_EXTERNAL_ID_CHARS = 128;

    public NewPainAssessment {
        redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
        mechanism = mechanism == null ? PainMechanism.UNKNOWN : mechanism;
        course = course == null ? PainCourse.CHRONIC : course;
        adverseEffects = adverseEffects == null ? List.of() : List.copyOf(adverseEffects);
        source = source == null ? AssessmentSource.EHR : source;
    }

    /**
     * A fingerprint of what was said, with the raw value in its canonical spelling, so that an EHR's retry
     * ({@code 7} again, or {@code "moderate"} for {@code "MODERATE"}) is recognised as the same fact.
     */
    String contentHash(String canonicalRawValue) {
        String canonical = String.join("|", String.valueOf(recordedAt), scale.name(), canonicalRawValue, kind.name(),
                Objects.toString(site), mechanism.name(), course.name(), Objects.toString(acuteCause),
                Objects.toString(breakthroughEpisodes24h),
                adverseEffects.stream().map(e -> e.type() + ":" + e.severity()).sorted().toList().toString(),
                source.name());
        // Added in rules 2026.12.0 only when present, so the fingerprint of an assessment without them is unchanged
        // and an EHR's retry of one stored before still matches it.
        if (breakthroughType != null) {
            canonical += "|breakthroughType=" + breakthroughType.name();
        }
        if (!redFlags.isEmpty()) {
            canonical += "|redFlags=" + redFlags.stream().map(Enum::name).sorted().toList();
        }
        return Sha256.hex(canonical);
    }
}
