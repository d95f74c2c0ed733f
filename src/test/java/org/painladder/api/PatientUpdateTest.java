package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientUpdateTest {

    private static final String MERGE_PATCH = ApiFixtures.MERGE_PATCH_UTF8;

    @Test
    void mergePatchKeepsAbsentFieldsClearsNullsAndReplacesArrays() {
        String patientId = registeredPatient();
        as("clinician").contentType(MERGE_PATCH)
                .body("""
                        { "lifeExpectancyMonths": 2, "diagnosis": { "boneMetastases": true, "icd10": null },
                          "contraindications": ["COAGULOPATHY", "LOCAL_INFECTION"], "sex": null }
                        """)
                .patch("/api/v1/patients/" + patientId)
                .then().statusCode(200)
                .header("ETag", startsWith("\"1-"))
                .body("lifeExpectancyMonths", equalTo(2))
                .body("birthYear", equalTo(1958))
                .body("sex", nullValue())
                .body("diagnosis.primarySite", equalTo("PANCREAS"))
                .body("diagnosis.boneMetastases", equalTo(true))
                .body("diagnosis.icd10", nullValue())
                .body("contraindications", hasSize(2))
                .body("contraindications", hasItems("COAGULOPATHY", "LOCAL_INFECTION"))
                .body("version", equalTo(1));

        as("ehr").get("/api/v1/patients/" + patientId).then().body("lifeExpectancyMonths", equalTo(2));
    }

    @Test
    void plainJsonIsAcceptedAsAMergePatch() {
        String patientId = registeredPatient();
        as("ehr").body("{ \"painConditions\": [\"POSTHERPETIC_NEURALGIA\"] }").patch("/api/v1/patients/" + patientId)
                .then().statusCode(200).body("painConditions[0]", equalTo("POSTHERPETIC_NEURALGIA"));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String patientId = registeredPatient();
        as("clinician").header("If-Match", "\"0\"").body("{ \"lifeExpectancyMonths\": 4 }")
                .patch("/api/v1/patients/" + patientId).then().statusCode(200).header("ETag", startsWith("\"1-"));

        as("clinician").header("If-Match", "\"0\"").body("{ \"lifeExpectancyMonths\": 1 }")
                .patch("/api/v1/patients/" + patientId).then().statusCode(412)
                .contentType("application/problem+json");
        as("clinician").get("/api/v1/patients/" + patientId).then().body("lifeExpectancyMonths", equalTo(4));
    }

    @Test
    void deceasedPatientCannotBeMadeActiveAgain() {
        String patientId = registeredPatient();
        as("ehr").body("{ \"status\": \"DECEASED\" }").patch("/api/v1/patients/" + patientId).then().statusCode(200)
                .body("status", equalTo("DECEASED"));
        as("ehr").body("{ \"status\": \"ACTIVE\" }").patch("/api/v1/patients/" + patientId).then().statusCode(409);
        as("ehr").get("/api/v1/patients/" + patientId).then().body("status", equalTo("DECEASED"));
    }

    @Test
    void dischargedPatientMayBeReadmitted() {
        String patientId = registeredPatient();
        as("ehr").body("{ \"status\": \"DISCHARGED\" }").patch("/api/v1/patients/" + patientId).then().statusCode(200);
        as("ehr").body("{ \"status\": \"ACTIVE\" }").patch("/api/v1/patients/" + patientId).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    /** A patient always has a status: null would be read as ACTIVE and readmit a discharged patient unasked. */
    @Test
    void statusCannotBeClearedAndAPatchClearingItChangesNothing() {
        String patientId = registeredPatient();
        as("ehr").body("{ \"status\": \"DISCHARGED\" }").patch("/api/v1/patients/" + patientId).then().statusCode(200);
        as("ehr").body("{ \"status\": null }").patch("/api/v1/patients/" + patientId).then().statusCode(422)
                .body("violations.field", hasItems("status"));
        as("ehr").get("/api/v1/patients/" + patientId).then().body("status", equalTo("DISCHARGED"))
                .body("version", equalTo(1));

        String deceased = registeredPatient();
        as("ehr").body("{ \"status\": \"DECEASED\" }").patch("/api/v1/patients/" + deceased).then().statusCode(200);
        as("ehr").body("{ \"status\": null }").patch("/api/v1/patients/" + deceased).then().statusCode(422);
        as("ehr").get("/api/v1/patients/" + deceased).then().body("status", equalTo("DECEASED"));
    }

    @Test
    void invalidPatchIs422AndChangesNothing() {
        String patientId = registeredPatient();
        as("clinician").body("{ \"lifeExpectancyMonths\": -3, \"mrn\": null }").patch("/api/v1/patients/" + patientId)
                .then().statusCode(422).body("violations.field", hasItems("lifeExpectancyMonths", "mrn"));
        as("clinician").body("{ \"mrn\": \"MRN-OTHER\" }").patch("/api/v1/patients/" + patientId)
                .then().statusCode(422).body("violations[0].field", equalTo("mrn"));
        as("clinician").body("{ \"status\": \"ASLEEP\" }").patch("/api/v1/patients/" + patientId)
                .then().statusCode(422).body("violations[0].field", equalTo("status"));
        as("clinician").body("{ \"birthYear\": \"old\" }").patch("/api/v1/patients/" + patientId)
                .then().statusCode(400).body("violations[0].field", equalTo("birthYear"));
        as("clinician").body("[1, 2]").patch("/api/v1/patients/" + patientId).then().statusCode(422);
        as("clinician").get("/api/v1/patients/" + patientId).then().body("version", equalTo(0))
                .body("lifeExpectancyMonths", equalTo(6));
    }

    @Test
    void palliativeTeamCannotPatchPatientsAndUnknownPatientIs404() {
        String patientId = registeredPatient();
        as("palliative").body("{ \"lifeExpectancyMonths\": 1 }").patch("/api/v1/patients/" + patientId)
                .then().statusCode(403);
        as("clinician").body("{ \"lifeExpectancyMonths\": 1 }")
                .patch("/api/v1/patients/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }
}
