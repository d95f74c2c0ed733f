package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.painladder.api.ApiFixtures.FHIR_JSON_UTF8;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A patient may be registered before the oncology diagnosis reaches the EHR feed (api.md: diagnosis is optional), and
 * a PATCH may clear it: every rule that reads the primary site must then read "not known", never fail the feed.
 */
@QuarkusTest
class PatientWithoutDiagnosisTest {

    private static final String MORPHINE = """
            { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 } ] }
            """;

    private static String assessment(String site) {
        return """
                { "externalId": "%s", "recordedAt": "%s", "scale": "NRS", "value": 7, "kind": "BACKGROUND",
                  "site": "%s", "mechanism": "UNKNOWN", "course": "CHRONIC", "source": "EHR" }
                """.formatted(UUID.randomUUID(), Instant.now().minus(1, ChronoUnit.HOURS), site);
    }

    @Test
    void aStep3PatientWithoutADiagnosisRecordsPainAtAnySiteAndOverFhir() {
        String patientId = as("ehr").body("{ \"mrn\": \"" + anyMrn() + "\" }").post("/api/v1/patients").then()
                .statusCode(201).extract().path("id");
        as("clinician").body(MORPHINE).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);

        for (String site : new String[] {"HEAD", "BACK_LOW", "ABDOMEN_UPPER"}) {
            as("ehr").body(assessment(site)).post("/api/v1/patients/" + patientId + "/pain-assessments").then()
                    .statusCode(201);
        }
        as("ehr").contentType(FHIR_JSON_UTF8).body("""
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "%s" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": 6 }
                """.formatted(UUID.randomUUID(), patientId, Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .post("/fhir/r4/Observation").then().statusCode(201);
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(4));
    }

    @Test
    void aDiagnosisClearedByPatchLeavesThePatientsFeedWorking() {
        String patientId = ApiFixtures.registeredPatient();
        as("clinician").body(MORPHINE).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
        as("clinician").contentType(ApiFixtures.MERGE_PATCH_UTF8).body("{ \"diagnosis\": null }")
                .patch("/api/v1/patients/" + patientId).then().statusCode(200);

        as("ehr").body(assessment("ABDOMEN_UPPER")).post("/api/v1/patients/" + patientId + "/pain-assessments")
                .then().statusCode(201);
    }
}
