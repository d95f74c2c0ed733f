package org.painladder.interop.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.NewPainAssessment;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.AssessmentSource;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.RecordedAssessment;

/**
 * Translates between a FHIR R4 pain-severity Observation (LOINC 72514-3, clinical-rules §4.4) and a pain assessment.
 * Violations are reported with FHIRPath-like locations so an integration engineer sees which element to fix.
 */
final class PainObservations {

    static final String LOINC = "http://loinc.org";
    static final String PAIN_SEVERITY_NRS = "72514-3";
    static final String PAIN_SEVERITY_VAS = "38214-3";
    static final String PAIN_SEVERITY_FACES = "38221-8";
    static final String PAIN_SEVERITY_REPORTED = "38208-5";
    /** The faces of the Wong-Baker scale by their number, as printed under them. */
    private static final Map<Integer, String> FACES_WORDS = Map.of(0, "No hurt", 2, "Hurts little bit",
            4, "Hurts little more", 6, "Hurts even more", 8, "Hurts whole lot", 10, "Hurts worst");
    static final String FACES_SYSTEM = "urn:painladder:wong-baker-faces";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String SCALE_SYSTEM = "urn:painladder:pain-scale";
    static final String EXTERNAL_ID_SYSTEM = "urn:painladder:external-id";
    /** The UCUM units of a dimensionless score. */
    private static final Set<String> SCORE_UNITS = Set.of("{score}", "1");
    /**
     * The Observation's elements that are read, or that may be left alone: metadata and narrative, extensions (never
     * modifierExtension), the encounter and performer, issued, and the method this service writes itself.
     */
    private static final Set<String> READ_OR_IGNORED = Set.of("id", "meta", "language", "text", "extension",
            "identifier", "status", "category", "code", "subject", "encounter", "effective[x]", "issued", "performer",
            "value[x]", "method");
    /** A score charted (final), a correction of one (amended, corrected), or its retraction (entered-in-error). */
    private static final Set<Observation.ObservationStatus> RECORDABLE = Set.of(Observation.ObservationStatus.FINAL,
            Observation.ObservationStatus.AMENDED, Observation.ObservationStatus.CORRECTED,
            Observation.ObservationStatus.ENTEREDINERROR);

    /** Where the Observation says whose pain it is: our patient id, or the EHR's MRN identifier. */
    sealed interface Subject {
        record ById(String patientId) implements Subject {
        }

        record ByMrn(String system, String mrn) implements Subject {
        }
    }

    private PainObservations() {
    }

    static Subject subject(Observation observation) {
        return subject(observation.getSubject(), "Observation.subject");
    }

    /** @param element where the reference sits, for the violation */
    static Subject subject(Reference subject, String element) {
        if (subject.hasReference()) {
            String reference = subject.getReference();
            if (!reference.startsWith("Patient/") || reference.length() <= "Patient/".length()) {
                throw invalid(element + ".reference", "must be Patient/{id}");
            }
            return new Subject.ById(reference.substring("Patient/".length()));
        }
        if (subject.hasIdentifier() && subject.getIdentifier().hasValue()) {
            Identifier identifier = subject.getIdentifier();
            return new Subject.ByMrn(identifier.hasSystem() ? identifier.getSystem() : null, identifier.getValue());
        }
        throw invalid(element, "must name the patient by reference Patient/{id} or by MRN identifier");
    }

    /**
     * What the sender says of the score: final, amended or corrected (its value stands, or replaces the one stored
     * under its identifier) or entered-in-error (the one stored under its identifier is retracted). A preliminary,
     * registered, cancelled or unknown score is not one to act on.
     */
    static Observation.ObservationStatus status(Observation observation) {
        // Set.of(...).contains(null) throws: an Observation without a status is refused like a wrong one.
        if (observation.getStatus() == null || !RECORDABLE.contains(observation.getStatus())) {
            throw invalid("Observation.status", "must be final, amended or corrected to be recorded, or"
                    + " entered-in-error to retract the Observation sent before under the same identifier");
        }
        return observation.getStatus();
    }

    /**
     * The externalId of the assessment an entered-in-error Observation retracts. Its code must still say pain
     * severity, so that a retraction of another kind of Observation never takes a pain score back.
     */
    static String retractedExternalId(Observation observation) {
        refuseWhatWouldBeDropped(observation);
        requirePainSeverityCode(observation);
        String externalId = externalId(observation);
        if (externalId == null) {
            throw invalid("Observation.identifier", "is required to retract: it names the Observation sent before");
        }
        return externalId;
    }

    static NewPainAssessment toAssessment(Observation observation) {
        refuseWhatWouldBeDropped(observation);
        requirePainSeverityCode(observation);
        status(observation);
        return new NewPainAssessment(externalId(observation), recordedAt(observation), PainScale.NRS,
                value(observation), AssessmentKind.BACKGROUND, null, null, null, null, null, List.of(),
                AssessmentSource.EHR, null, Set.of());
    }

    private static void requirePainSeverityCode(Observation observation) {
        if (!observation.getCode().getCoding().stream()
                .anyMatch(coding -> LOINC.equals(coding.getSystem()) && PAIN_SEVERITY_NRS.equals(coding.getCode()))) {
            throw invalid("Observation.code", "must carry LOINC " + PAIN_SEVERITY_NRS
                    + " (Pain severity - 0-10 verbal numeric rating)");
        }
    }

    /**
     * api.md "Strict input": only the score, when and whose it is are stored, so an element that qualifies the score
     * (a comparator, a body site, components, a note …) is refused rather than dropped. What is left alone says who or
     * where the score was taken, or is what this service itself answers.
     */
    private static void refuseWhatWouldBeDropped(Observation observation) {
        for (Property element : observation.children()) {
            if (element.hasValues() && !READ_OR_IGNORED.contains(element.getName())) {
                throw malformed("Observation." + element.getName(), "is not stored here and would change what the"
                        + " score means; send the score without it");
            }
        }
        if (observation.getValue() instanceof Quantity quantity && quantity.hasComparator()) {
            throw malformed("Observation.valueQuantity.comparator", "is not stored here: a pain score is recorded as"
                    + " exactly its value");
        }
        // The score is read as LOINC 72514-3's 0-10 numeric rating; another instrument would change what it means.
        if (observation.hasMethod() && !observation.getMethod().getCoding().stream().allMatch(coding ->
                SCALE_SYSTEM.equals(coding.getSystem()) && PainScale.NRS.name().equals(coding.getCode()))) {
            throw malformed("Observation.method", "must be absent or " + SCALE_SYSTEM + " " + PainScale.NRS.name()
                    + ": the value is read as a 0-10 numeric rating");
        }
    }

    /** The first identifier's value when there is one, else the resource id the sender gave it. */
    private static String externalId(Observation observation) {
        List<Identifier> identifiers = observation.getIdentifier();
        for (int index = 0; index < identifiers.size(); index++) {
            if (identifiers.get(index).hasValue()) {
                return bounded(identifiers.get(index).getValue(), "Observation.identifier[" + index + "].value");
            }
        }
        return observation.getIdElement().hasIdPart()
                ? bounded(observation.getIdElement().getIdPart(), "Observation.id") : null;
    }

    /** The externalId is stored in at most this many characters, as the API's own field allows. */
    private static String bounded(String externalId, String element) {
        if (externalId.length() > NewPainAssessment.MAX_EXTERNAL_ID_CHARS) {
            throw invalid(element, "may have at most " + NewPainAssessment.MAX_EXTERNAL_ID_CHARS
                    + " characters to serve as the externalId");
        }
        return externalId;
    }

    private static Instant recordedAt(Observation observation) {
        Type effective = observation.getEffective();
        if (effective instanceof DateTimeType dateTime && dateTime.getValue() != null) {
            return timed(dateTime, "Observation.effectiveDateTime");
        }
        if (observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()) {
            return timed(observation.getEffectivePeriod().getStartElement(), "Observation.effectivePeriod.start");
        }
        throw invalid("Observation.effectiveDateTime", "is required: when the pain was assessed");
    }

    /**
     * A date, a month or a year alone would be stored as its first midnight: a pain score whose hour is made up would
     * sit in the wrong place on the timeline and in the staleness and breakthrough windows.
     */
    private static Instant timed(BaseDateTimeType dateTime, String element) {
        if (dateTime.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
            throw invalid(element, "gives no time of day: a pain score needs the time it was assessed");
        }
        return dateTime.getValue().toInstant();
    }

    private static String value(Observation observation) {
        Type value = observation.getValue();
        if (value instanceof IntegerType integer && integer.getValue() != null) {
            return integer.getValue().toString();
        }
        if (value instanceof Quantity quantity && quantity.hasValue()) {
            if (!isScore(quantity)) {
                throw invalid("Observation.valueQuantity", "must be a 0-10 score: without a unit, or in UCUM {score}"
                        + " or 1 (system " + MedicationRequests.UCUM + ")");
            }
            return quantity.getValue().stripTrailingZeros().toPlainString();
        }
        throw invalid("Observation.value[x]", "must be valueInteger or valueQuantity from 0 to 10");
    }

    /**
     * A pain score has no physical unit: a quantity in mg or mm is another measurement, not a score to be read as one.
     * The unit text, the code and the system are each optional, but what is given must say "score".
     */
    private static boolean isScore(Quantity quantity) {
        return (!quantity.hasSystem() || MedicationRequests.UCUM.equals(quantity.getSystem()))
                && (!quantity.hasCode() || SCORE_UNITS.contains(quantity.getCode()))
                && (!quantity.hasUnit() || SCORE_UNITS.contains(quantity.getUnit()));
    }

    static Observation toObservation(RecordedAssessment recorded) {
        PainAssessment assessment = recorded.assessment();
        Observation observation = new Observation();
        observation.setId(assessment.id().toString());
        if (recorded.externalId() != null) {
            observation.addIdentifier().setSystem(EXTERNAL_ID_SYSTEM).setValue(recorded.externalId());
        }
        observation.setStatus(status(recorded));
        observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")));
        observation.setSubject(new Reference("Patient/" + recorded.patientId()));
        observation.setEffective(new DateTimeType(Date.from(assessment.recordedAt())));
        observation.setIssued(Date.from(recorded.receivedAt()));
        codeAndValue(observation, assessment);
        // The method names the instrument and the value as recorded on it, whatever the code and value say.
        observation.setMethod(new CodeableConcept(new Coding(SCALE_SYSTEM, assessment.scale().name(),
                assessment.scale().name() + " " + assessment.rawValue())));
        return observation;
    }

    /**
     * Each instrument under its own LOINC code, with the value its code expects, so that a receiving EHR never reads
     * a 65 mm VAS or a FACES face as an NRS rating. Codes as IHE PCC's Pain Score Observation lists them (38208-5,
     * 38221-8, 38214-3) and LOINC names them:
     * <ul>
     *   <li>NRS: 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported", the 0-10 score.</li>
     *   <li>VAS: 38214-3 "Pain severity [Score] Visual analog score", a real number: the length marked on the 100 mm
     *       line, in UCUM mm.</li>
     *   <li>FACES: 38221-8 "Pain severity Wong-Baker FACES pain rating scale", an ordinal (scale type Ord): the face,
     *       coded by its number (0, 2 … 10) with the words the scale prints under it.</li>
     *   <li>VRS and PAINAD: LOINC has no code for the four-word verbal rating scored 0/2/5/8 here, nor for the PAINAD
     *       total (104532-7 is only the interpretation of a PAINAD score), so both go under the generic 38208-5 "Pain
     *       severity - Reported" with the normalised 0-10 score the rules used; the method keeps the instrument and
     *       its raw value, so nothing is lost.</li>
     * </ul>
     */
    private static void codeAndValue(Observation observation, PainAssessment assessment) {
        switch (assessment.scale()) {
            case NRS -> {
                observation.setCode(loinc(PAIN_SEVERITY_NRS,
                        "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
                observation.setValue(score(assessment.score()));
            }
            case VAS -> {
                observation.setCode(loinc(PAIN_SEVERITY_VAS, "Pain severity [Score] Visual analog score"));
                observation.setValue(new Quantity().setValue(new BigDecimal(assessment.rawValue())).setUnit("mm")
                        .setSystem(MedicationRequests.UCUM).setCode("mm"));
            }
            case FACES -> {
                observation.setCode(loinc(PAIN_SEVERITY_FACES, "Pain severity Wong-Baker FACES pain rating scale"));
                String face = FACES_WORDS.get(assessment.score());
                observation.setValue(new CodeableConcept(new Coding(FACES_SYSTEM, String.valueOf(assessment.score()),
                        face)).setText(assessment.score() + " - " + face));
            }
            case VRS, PAINAD -> {
                observation.setCode(loinc(PAIN_SEVERITY_REPORTED, "Pain severity - Reported"));
                observation.setValue(score(assessment.score()));
            }
        }
    }

    private static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept(new Coding(LOINC, code, display));
    }

    private static Quantity score(int score) {
        return new Quantity().setValue(BigDecimal.valueOf(score)).setUnit("{score}").setSystem(MedicationRequests.UCUM)
                .setCode("{score}");
    }

    /** As the sender last said it: retracted, corrected, or as first charted. */
    private static Observation.ObservationStatus status(RecordedAssessment recorded) {
        if (recorded.isRetracted()) {
            return Observation.ObservationStatus.ENTEREDINERROR;
        }
        if (recorded.amendment() != null) {
            return recorded.amendment().as() == RecordedAssessment.AmendedAs.CORRECTED
                    ? Observation.ObservationStatus.CORRECTED : Observation.ObservationStatus.AMENDED;
        }
        return Observation.ObservationStatus.FINAL;
    }

    private static ClinicalValidationException invalid(String element, String message) {
        return new ClinicalValidationException(element, message);
    }

    private static WebApplicationException malformed(String element, String message) {
        return new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(element + " " + message,
                List.of(new Problem.FieldViolation(element, message))).toResponse());
    }
}
