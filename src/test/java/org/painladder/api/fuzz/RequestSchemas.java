package org.painladder.api.fuzz;

import static org.painladder.api.fuzz.Shapes.arrayOf;
import static org.painladder.api.fuzz.Shapes.booleans;
import static org.painladder.api.fuzz.Shapes.codes;
import static org.painladder.api.fuzz.Shapes.constant;
import static org.painladder.api.fuzz.Shapes.decimals;
import static org.painladder.api.fuzz.Shapes.field;
import static org.painladder.api.fuzz.Shapes.integers;
import static org.painladder.api.fuzz.Shapes.object;
import static org.painladder.api.fuzz.Shapes.oneOf;
import static org.painladder.api.fuzz.Shapes.recentTimestamps;
import static org.painladder.api.fuzz.Shapes.required;
import static org.painladder.api.fuzz.Shapes.text;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.painladder.api.fuzz.Shapes.Field;
import org.painladder.api.fuzz.Shapes.Shape;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.AssessmentSource;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.RedFlag;
import org.painladder.domain.pain.Severity;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.Dialysis;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.InterventionType;

/**
 * Every request body and query the API takes, as a table of field → generator of valid values. The fuzzer starts
 * from a valid body and breaks it; a new field is one {@code field(...)} line in its schema, a new endpoint one
 * {@link Endpoint} in {@link #ENDPOINTS} (or {@link Query} in {@link #QUERIES}).
 */
final class RequestSchemas {

    /** MRNs the fuzzer registers start with this, so that the log check can look for them. */
    static final String MRN_PREFIX = "FZMRN-";

    private RequestSchemas() {
    }

    /** The ids the paths need: a registered patient, its pending recommendation, and a patient's refractory case. */
    record Fixture(String patientId, String recommendationId, String caseId, String casePatientId) {
    }

    /** A body-taking operation; {@code touches} names the patients whose state a refused request must not change. */
    record Endpoint(String name, String method, Function<Fixture, String> path, String contentType, Shape body,
                    Function<Fixture, List<String>> touches) {
    }

    /** A read with query parameters, each with a generator of valid values. */
    record Query(String name, Function<Fixture, String> path, Map<String, Shape> parameters) {
    }

    static final Shape DIAGNOSIS = object(
            field("icd10", oneOf("C25.0", "C34.1", "C50.9", "C61", "C18.7", "C80.1")),
            field("primarySite", codes(PrimarySite.class)),
            field("metastatic", booleans()),
            field("boneMetastases", booleans()));

    static final Shape RENAL_FUNCTION = object(
            field("egfr", decimals(0, 200)),
            field("dialysis", codes(Dialysis.class)),
            field("measuredAt", recentTimestamps()));

    /** The patient's members a merge patch may change: all but the MRN and status, so the fixture stays usable. */
    private static final Field[] PATIENT_DETAILS = {
        field("birthYear", integers(1900, 2020)),
        field("sex", oneOf("female", "male", "other", "unknown")),
        field("diagnosis", DIAGNOSIS),
        field("lifeExpectancyMonths", integers(0, 600)),
        field("contraindications", arrayOf(codes(Contraindication.class), 3)),
        field("renalFunction", RENAL_FUNCTION),
        field("hepaticImpairment", codes(HepaticImpairment.class)),
        field("frail", booleans()),
        field("weightKg", decimals(20, 300)),
        field("unableToSwallow", booleans()),
        field("painConditions", arrayOf(codes(PainCondition.class), 2))};

    static final Shape PATIENT = object(Stream.concat(Stream.of(required("mrn", text(MRN_PREFIX, 10, 40))),
            Arrays.stream(PATIENT_DETAILS)).toArray(Field[]::new));

    static final Shape PATIENT_PATCH = object(PATIENT_DETAILS);

    static final Shape ASSESSMENT = object(
            required("externalId", text("fz-", 4, 40)),
            required("recordedAt", recentTimestamps()),
            required("scale", codes(PainScale.class)),
            required("value", oneOf(integers(0, 10), integers(0, 100), oneOf("NONE", "MILD", "MODERATE", "SEVERE"))),
            required("kind", codes(AssessmentKind.class)),
            field("site", codes(PainSite.class)),
            field("mechanism", codes(PainMechanism.class)),
            field("course", codes(PainCourse.class)),
            field("acuteCause", codes(AcuteCause.class)),
            field("breakthroughEpisodes24h", integers(0, 96)),
            field("breakthroughType", codes(BreakthroughType.class)),
            field("redFlags", arrayOf(codes(RedFlag.class), 2)),
            field("adverseEffects", arrayOf(object(required("type", codes(AdverseEffectType.class)),
                    required("severity", codes(Severity.class))), 3)),
            field("source", codes(AssessmentSource.class)));

    static final Shape DRUG = oneOf("MORPHINE", "OXYCODONE", "HYDROMORPHONE", "FENTANYL", "METHADONE", "TRAMADOL",
            "CODEINE", "TAPENTADOL", "BUPRENORPHINE", "PARACETAMOL", "IBUPROFEN", "GABAPENTIN", "DEXAMETHASONE");
    static final Shape ROUTE = oneOf("ORAL", "SC", "IV", "TRANSDERMAL", "SUBLINGUAL", "RECTAL", "TOPICAL",
            "INTRATHECAL", "EPIDURAL");

    static final Shape REGIMEN = object(
            required("items", arrayOf(object(
                    required("drug", DRUG),
                    required("route", ROUTE),
                    required("dose", decimals(1, 200)),
                    required("unit", oneOf("mg", "mcg", "mcg/h")),
                    required("timesPerDay", integers(1, 6)),
                    field("prn", booleans()),
                    field("mode", oneOf("SCHEDULED", "CONTINUOUS_INFUSION", "PCA", "CATHETER_BOLUS")),
                    field("ratePerHour", decimals(1, 10)),
                    field("bolusDose", decimals(1, 5)),
                    field("lockoutMinutes", integers(5, 60)),
                    field("maxDosePer4h", decimals(1, 40))), 4)),
            field("changedBy", text("dr-", 4, 30)),
            field("reason", text("titration-", 10, 60)));

    static final Shape CONVERSION = object(
            required("from", object(required("drug", DRUG), required("route", ROUTE),
                    required("dailyDose", decimals(1, 400)), required("unit", oneOf("mg", "mcg", "mcg/h")))),
            required("to", object(required("drug", DRUG), required("route", ROUTE))),
            field("crossToleranceReductionPct", integers(25, 50)));

    static final Shape ACCEPT = object(required("clinician", text("dr-", 4, 30)), field("note", text("n-", 3, 200)));

    static final Shape REJECT = object(required("clinician", text("dr-", 4, 30)),
            required("reason", text("r-", 3, 200)));

    static final Shape TRANSITION = object(
            required("to", codes(CaseStatus.class)),
            field("by", text("pc-", 4, 30)),
            field("assignee", text("dr-", 4, 30)),
            field("note", text("n-", 3, 200)),
            field("outcome", codes(CaseOutcome.class)));

    static final Shape PROCEDURE = object(
            required("type", codes(InterventionType.class)),
            required("performedAt", recentTimestamps()),
            field("outcome", text("o-", 3, 200)),
            field("performedBy", text("dr-", 4, 30)));

    static Shape observation(Fixture fixture) {
        return object(
                required("resourceType", constant("Observation")),
                required("status", oneOf("final", "amended", "corrected", "preliminary")),
                field("identifier", arrayOf(object(field("system", constant("urn:ehr:obs")),
                        required("value", text("fzobs-", 8, 40))), 2)),
                required("code", object(required("coding", arrayOf(object(
                        required("system", constant("http://loinc.org")),
                        required("code", oneOf("72514-3", "38208-5"))), 1)))),
                required("subject", object(required("reference", constant("Patient/" + fixture.patientId())))),
                required("effectiveDateTime", recentTimestamps()),
                field("valueInteger", integers(0, 10)));
    }

    static List<Endpoint> endpoints(Fixture fixture) {
        String patient = "/api/v1/patients/" + fixture.patientId();
        Function<Fixture, List<String>> thePatient = f -> List.of(f.patientId());
        return List.of(
                new Endpoint("register patient", "POST", f -> "/api/v1/patients", "application/json", PATIENT,
                        f -> List.of()),
                new Endpoint("patch patient", "PATCH", f -> patient, "application/merge-patch+json", PATIENT_PATCH,
                        thePatient),
                new Endpoint("record assessment", "POST", f -> patient + "/pain-assessments", "application/json",
                        ASSESSMENT, thePatient),
                new Endpoint("put regimen", "PUT", f -> patient + "/regimen", "application/json", REGIMEN,
                        thePatient),
                new Endpoint("record procedure", "POST", f -> patient + "/procedures", "application/json",
                        PROCEDURE, thePatient),
                new Endpoint("convert opioid", "POST", f -> "/api/v1/opioid-conversions", "application/json",
                        CONVERSION, f -> List.of()),
                new Endpoint("accept recommendation", "POST",
                        f -> patient + "/recommendations/" + f.recommendationId() + "/accept", "application/json",
                        ACCEPT, thePatient),
                new Endpoint("reject recommendation", "POST",
                        f -> patient + "/recommendations/" + f.recommendationId() + "/reject", "application/json",
                        REJECT, thePatient),
                new Endpoint("move refractory case", "POST",
                        f -> "/api/v1/refractory-cases/" + f.caseId() + "/transitions", "application/json",
                        TRANSITION, f -> List.of(f.casePatientId())),
                new Endpoint("FHIR Observation", "POST", f -> "/fhir/r4/Observation", "application/fhir+json",
                        observation(fixture), thePatient));
    }

    private static Shape plain(Shape json) {
        return random -> {
            String raw = json.valid(random).write();
            return new JsonTree.Raw(raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : raw);
        };
    }

    static List<Query> queries(Fixture fixture) {
        String patient = "/api/v1/patients/" + fixture.patientId();
        Shape page = plain(integers(0, 5));
        Shape size = plain(integers(1, 200));
        Shape instant = plain(recentTimestamps());
        return List.of(
                new Query("patients", f -> "/api/v1/patients",
                        Map.of("mrn", plain(text(MRN_PREFIX, 10, 40)), "page", page, "size", size)),
                new Query("timeline", f -> patient + "/pain-assessments",
                        Map.of("from", instant, "to", instant, "page", page, "size", size)),
                new Query("trend", f -> patient + "/pain-trend", Map.of("days", plain(integers(1, 365)))),
                new Query("recommendations", f -> patient + "/recommendations",
                        Map.of("status", plain(oneOf("PENDING", "ACCEPTED", "REJECTED", "SUPERSEDED")))),
                new Query("worklist", f -> "/api/v1/refractory-cases", Map.of(
                        "status", plain(codes(CaseStatus.class)), "site", plain(codes(PainSite.class)),
                        "primarySite", plain(codes(PrimarySite.class)),
                        "sort", plain(oneOf("flaggedAt", "-latestScore", "omeddMg", "-daysOnStep3")),
                        "page", page, "size", size)),
                new Query("audit events", f -> "/api/v1/audit-events", Map.of("patientId",
                        plain(constant(fixture.patientId())), "from", instant, "to", instant, "page", page, "size", size)),
                new Query("FHIR search", f -> "/fhir/r4/Observation", Map.of(
                        "subject", plain(constant("Patient/" + fixture.patientId())), "_count", size)));
    }
}
