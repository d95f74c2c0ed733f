package org.painladder.api.pain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.app.ClinicalValidationException;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.AssessmentSource;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.RedFlag;

/** A pain score as an EHR posts it (api.md "Pain assessments"). */
public record PainAssessmentRequest(
        @Size(min = 1, max = 128) String externalId,
        @NotNull OffsetDateTime recordedAt,
        @NotNull PainScale scale,
        @Schema(description = "NRS/FACES/PAINAD 0–10, VAS 0–100 (mm), VRS NONE | MILD | MODERATE | SEVERE",
                anyOf = {Number.class, String.class}, implementation = Void.class)
        JsonNode value,
        @NotNull AssessmentKind kind,
        PainSite site,
        PainMechanism mechanism,
        PainCourse course,
        AcuteCause acuteCause,
        @Min(0) @Max(96) Integer breakthroughEpisodes24h,
        @Size(max = 8) List<@NotNull @Valid AdverseEffectBody> adverseEffects,
        AssessmentSource source,
        @Schema(description = "What the breakthrough episodes are (clinical-rules §8.6): INCIDENT episodes do not count"
                + " toward titration or refractory breakthrough")
        BreakthroughType breakthroughType,
        @Schema(description = "Red flags seen at this assessment (clinical-rules §8.8)")
        @Size(max = 4) Set<@NotNull RedFlag> redFlags) {

    public record AdverseEffectBody(@NotNull AdverseEffectType type, @NotNull org.painladder.domain.pain.Severity severity) {
        AdverseEffect toAdverseEffect() {
            return new AdverseEffect(type, severity);
        }
    }

    /** The adverse effects, each type once: NAUSEA both MILD and SEVERE leaves the rules no severity to act on. */
    List<AdverseEffect> adverseEffectValues() {
        if (adverseEffects == null) {
            return List.of();
        }
        Set<AdverseEffectType> listed = EnumSet.noneOf(AdverseEffectType.class);
        for (int i = 0; i < adverseEffects.size(); i++) {
            if (!listed.add(adverseEffects.get(i).type())) {
                throw new ClinicalValidationException("adverseEffects[" + i + "].type",
                        "is listed twice; give each adverse effect once, at its worst severity");
            }
        }
        return adverseEffects.stream().map(AdverseEffectBody::toAdverseEffect).toList();
    }
}
