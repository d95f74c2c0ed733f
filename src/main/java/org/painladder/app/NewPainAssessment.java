package org.painladder.app;

import java.text.Normalizer;
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
        externalId = externalIdAsStored(externalId);
        redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
        mechanism = mechanism == null ? PainMechanism.UNKNOWN : mechanism;
        course = course == null ? PainCourse.CHRONIC : course;
        adverseEffects = adverseEffects == null ? List.of() : List.copyOf(adverseEffects);
        source = source == null ? AssessmentSource.EHR : source;
    }

    /**
     * An EHR's retry must find the assessment it sent before: an id that differs only in its Unicode form (é as one
     * code point or as e and a combining accent) is the same id, stored in NFC; one with spaces at its ends, a control
     * character or an invisible format character (a zero-width space) is refused, as a retry could not be told from
     * another assessment by looking at it. Stored ids are not rewritten: the key is normalised on the way in only.
     */
    static String externalIdAsStored(String externalId) {
        if (externalId == null) {
            return null;
        }
        if (!externalId.isEmpty() && (isSpace(externalId.codePointAt(0))
                || isSpace(externalId.codePointBefore(externalId.length())))) {
            throw new ClinicalValidationException("externalId", "must not begin or end with whitespace");
        }
        if (externalId.codePoints().anyMatch(NewPainAssessment::isInvisible)) {
            throw new ClinicalValidationException("externalId",
                    "must not hold control or invisible format characters (such as a line break or zero-width space)");
        }
        return Normalizer.normalize(externalId, Normalizer.Form.NFC);
    }

    /** Any Unicode space, the no-break space included. */
    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Control (Cc) and format (Cf) characters, and the line and paragraph separators. */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
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
