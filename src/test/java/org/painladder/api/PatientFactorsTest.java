package org.painladder.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The patient factors of clinical-rules §8.2 on the patient: stored, merged, banded, bounded, and a new fact. */
@QuarkusTest
class PatientFactorsTest {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    private static String patientWith(String mrn, int birthYear, String factors) {
        return """
                { "mrn": "%s", "birthYear": %d, "sex": "male",
                  "diagnosis": { "icd10": "C90.0", "primarySite": "MYELOMA", "boneMetastases": true },
                  %s }
                """.formatted(mrn, birthYear, factors);
    }

    private static String patients(String id) {
        return "/api/v1/patients/" + id;
    }

    @Test
    void factorsAreStoredAndReadBackWithTheirBands() {
        String id = as("ehr").body(patientWith(anyMrn(), 1960, """
                        "renalFunction": { "egfr": 12, "dialysis": "NONE", "measuredAt": "2026-11-30T07:00:00Z" },
                        "hepaticImpairment": "MODERATE", "frail": false, "weightKg": 48.5, "unableToSwallow": true"""))
                .post("/api/v1/patients").then().statusCode(201)
                .body("renalFunction.egfr", equalTo(12.0f))
                .body("organFunctionBands", contains("RENAL_FAILURE", "HEPATIC_MODERATE"))
                .extract().path("id");

        as("clinician").get(patients(id)).then().statusCode(200)
                .body("renalFunction.egfr", equalTo(12.0f))
                .body("renalFunction.dialysis", equalTo("NONE"))
                .body("renalFunction.measuredAt", equalTo("2026-11-30T07:00:00Z"))
                .body("hepaticImpairment", equalTo("MODERATE"))
                .body("frail", equalTo(false))
                .body("weightKg", equalTo(48.5f))
                .body("unableToSwallow", equalTo(true))
                .body("organFunctionBands", contains("RENAL_FAILURE", "HEPATIC_MODERATE"));
    }

    @Test
    void aPatientWithoutFactorsHasNoBands() {
        as("ehr").get(patients(registeredPatient())).then().statusCode(200)
                .body("renalFunction", nullValue())
                .body("hepaticImpairment", nullValue())
                .body("weightKg", nullValue())
                .body("organFunctionBands", empty());
    }

    @Test
    void bandsChangeOnEachSideOfTheirEdges() {
        assertBands(THIS_YEAR - 74, "\"renalFunction\": { \"egfr\": 60 }", List.of());
        assertBands(THIS_YEAR - 74, "\"renalFunction\": { \"egfr\": 59 }", List.of("RENAL_REDUCED"));
        assertBands(THIS_YEAR - 74, "\"renalFunction\": { \"egfr\": 30 }", List.of("RENAL_REDUCED"));
        assertBands(THIS_YEAR - 74, "\"renalFunction\": { \"egfr\": 29 }", List.of("RENAL_SEVERE"));
        assertBands(THIS_YEAR - 74, "\"renalFunction\": { \"egfr\": 15 }", List.of("RENAL_SEVERE"));
        assertBands(THIS_YEAR - 74, "\"renalFunction\": { \"egfr\": 14 }", List.of("RENAL_FAILURE"));
        assertBands(THIS_YEAR - 74, "\"renalFunction\": { \"egfr\": 70, \"dialysis\": \"HAEMODIALYSIS\" }",
                List.of("RENAL_FAILURE"));
        assertBands(THIS_YEAR - 74, "\"renalFunction\": { \"dialysis\": \"PERITONEAL\" }", List.of("RENAL_FAILURE"));
        assertBands(THIS_YEAR - 75, "\"frail\": false", List.of("ELDERLY_OR_FRAIL"));
        assertBands(THIS_YEAR - 40, "\"frail\": true", List.of("ELDERLY_OR_FRAIL"));
        assertBands(THIS_YEAR - 40, "\"hepaticImpairment\": \"MILD\"", List.of());
        assertBands(THIS_YEAR - 40, "\"hepaticImpairment\": \"SEVERE\"", List.of("HEPATIC_SEVERE"));
    }

    private static void assertBands(int birthYear, String factors, List<String> bands) {
        String id = as("ehr").body(patientWith(anyMrn(), birthYear, factors)).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");
        as("clinician").get(patients(id)).then().body("organFunctionBands", equalTo(bands));
    }

    @Test
    void aMergePatchOfTheEgfrKeepsTheRestOfTheRenalFunctionAndNullClearsIt() {
        String id = as("ehr").body(patientWith(anyMrn(), 1960, """
                        "renalFunction": { "egfr": 45, "dialysis": "NONE", "measuredAt": "2026-11-01T07:00:00Z" },
                        "weightKg": 70"""))
                .post("/api/v1/patients").then().statusCode(201)
                .body("organFunctionBands", contains("RENAL_REDUCED")).extract().path("id");

        as("clinician").contentType(ApiFixtures.MERGE_PATCH_UTF8)
                .body("{ \"renalFunction\": { \"egfr\": 12, \"measuredAt\": \"2026-12-01T07:00:00Z\" } }")
                .patch(patients(id)).then().statusCode(200)
                .body("renalFunction.egfr", equalTo(12.0f))
                .body("renalFunction.dialysis", equalTo("NONE"))
                .body("renalFunction.measuredAt", equalTo("2026-12-01T07:00:00Z"))
                .body("weightKg", equalTo(70.0f))
                .body("organFunctionBands", contains("RENAL_FAILURE"));

        as("clinician").body("{ \"renalFunction\": null, \"weightKg\": null }").patch(patients(id)).then()
                .statusCode(200);
        as("ehr").get(patients(id)).then()
                .body("renalFunction", nullValue())
                .body("weightKg", nullValue())
                .body("organFunctionBands", empty());
    }

    @Test
    void outOfRangeFactorsAre422NamingTheFieldAndStoreNothing() {
        as("ehr").body(patientWith(anyMrn(), 1960, "\"renalFunction\": { \"egfr\": 201 }, \"weightKg\": 19.9"))
                .post("/api/v1/patients").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("renalFunction.egfr", "weightKg"));
        as("ehr").body(patientWith(anyMrn(), 1960, "\"renalFunction\": { \"egfr\": -1 }, \"weightKg\": 300.5"))
                .post("/api/v1/patients").then().statusCode(422)
                .body("violations.field", contains("renalFunction.egfr", "weightKg"));
        as("ehr").body(patientWith(anyMrn(), 1960, "\"renalFunction\": { \"dialysis\": \"NONE\" }"))
                .post("/api/v1/patients").then().statusCode(422)
                .body("violations.field", contains("renalFunction.egfr"));
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        as("ehr").body(patientWith(anyMrn(), 1960,
                        "\"renalFunction\": { \"egfr\": 40, \"measuredAt\": \"" + tomorrow + "\" }"))
                .post("/api/v1/patients").then().statusCode(422)
                .body("violations.field", contains("renalFunction.measuredAt"));

        String id = as("ehr").body(patientWith(anyMrn(), 1960, "\"renalFunction\": { \"egfr\": 0 }, \"weightKg\": 20"))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        as("clinician").body("{ \"renalFunction\": { \"egfr\": 200.5 } }").patch(patients(id)).then()
                .statusCode(422).body("violations.field", contains("renalFunction.egfr"));
        as("clinician").body("{ \"weightKg\": 301 }").patch(patients(id)).then()
                .statusCode(422).body("violations.field", contains("weightKg"));
        as("clinician").body("{ \"hepaticImpairment\": \"CHILD_PUGH_B\" }").patch(patients(id)).then()
                .statusCode(oneOf(400, 422)).contentType("application/problem+json");
        as("ehr").get(patients(id)).then()
                .body("renalFunction.egfr", equalTo(0.0f))
                .body("weightKg", equalTo(20.0f))
                .body("hepaticImpairment", nullValue())
                .body("version", equalTo(0));
    }

    @Test
    void aPatchOfTheEgfrIsANewFactTheRulesRunOn() {
        String id = registeredPatient();
        as("clinician").body("""
                        { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 } ],
                          "reason": "background pain" }""")
                .put(patients(id) + "/regimen").then().statusCode(200);
        String rescueAdvice = as("clinician").queryParam("status", "PENDING").get(patients(id) + "/recommendations")
                .then().body("items.ruleId", hasItem("RSC-01"))
                .extract().path("items.find { it.ruleId == 'RSC-01' }.id");
        as("clinician").body("{ \"reason\": \"rescue on the ward chart\" }")
                .post(patients(id) + "/recommendations/" + rescueAdvice + "/reject").then().statusCode(200);

        // A change that is not a patient factor is no new fact for the rules.
        as("clinician").body("{ \"lifeExpectancyMonths\": 3 }").patch(patients(id)).then().statusCode(200);
        as("clinician").queryParam("status", "PENDING").get(patients(id) + "/recommendations").then()
                .body("items.ruleId", not(hasItem("RSC-01")));

        as("clinician").body("{ \"renalFunction\": { \"egfr\": 25 } }").patch(patients(id)).then().statusCode(200)
                .body("organFunctionBands", contains("RENAL_SEVERE"));
        as("clinician").queryParam("status", "PENDING").get(patients(id) + "/recommendations").then()
                .body("items.findAll { it.ruleId == 'RSC-01' }", hasSize(1))
                .body("items.find { it.ruleId == 'RSC-01' }.id", not(equalTo(rescueAdvice)));
    }
}
