package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.patientJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientRegisterTest {

    @Test
    void ehrRegistersPatientAndReadsItBackWithLiveState() {
        String mrn = anyMrn();
        String location = as("ehr").body(patientJson(mrn)).post("/api/v1/patients")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/patients/"))
                .header("ETag", startsWith("\"0-"))
                .body("mrn", equalTo(mrn))
                .body("sex", equalTo("female"))
                .body("diagnosis.primarySite", equalTo("PANCREAS"))
                .body("contraindications", hasItem("ANTICOAGULATED"))
                .body("status", equalTo("ACTIVE"))
                .body("ladderStep", equalTo(0))
                .body("painControl", equalTo("UNKNOWN"))
                .body("omeddMg", equalTo(0))
                .body("refractory", equalTo(false))
                .body("openRefractoryCaseId", nullValue())
                .body("version", equalTo(0))
                .extract().header("Location");

        as("clinician").get(location).then().statusCode(200)
                .body("mrn", equalTo(mrn))
                .body("lifeExpectancyMonths", equalTo(6))
                .body("latestScore", nullValue());
    }

    @Test
    void lookupByMrnAnswersAListThatIsEmptyWhenUnknown() {
        String mrn = anyMrn();
        as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201);

        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].mrn", equalTo(mrn))
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(50));
        as("ehr").queryParam("mrn", "MRN-NOBODY").get("/api/v1/patients").then().statusCode(200)
                .body("items", emptyIterable()).body("total", equalTo(0));
    }

    @Test
    void secondRegistrationOfTheSameMrnIsAConflict() {
        String mrn = anyMrn();
        as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201);

        as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/conflict"))
                .body("status", equalTo(409))
                .body("detail", containsString("this MRN"))
                .body(not(containsString(mrn)));
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(1));
    }

    @Test
    void unknownPatientIsNotFound() {
        as("clinician").get("/api/v1/patients/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/not-found"));
    }

    @Test
    void clinicallyInvalidFieldsAre422WithEveryViolation() {
        as("ehr").body("""
                        { "mrn": "", "birthYear": 1700, "sex": "female", "lifeExpectancyMonths": -1,
                          "diagnosis": { "icd10": "pancreas" } }
                        """)
                .post("/api/v1/patients").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("violations.field", hasItem("mrn"))
                .body("violations.field", hasItem("birthYear"))
                .body("violations.field", hasItem("lifeExpectancyMonths"))
                .body("violations.field", hasItem("diagnosis.icd10"));
    }

    @Test
    void unknownEnumValueIs422NamingTheField() {
        as("ehr").body(patientJson(anyMrn()).replace("PANCREAS", "SPLEEN")).post("/api/v1/patients")
                .then().statusCode(422)
                .body("violations[0].field", equalTo("diagnosis.primarySite"))
                .body("violations[0].message", containsString("PANCREAS"));
    }

    @Test
    void birthYearInTheFutureIs422() {
        as("ehr").body(patientJson(anyMrn()).replace("1958", "2999")).post("/api/v1/patients")
                .then().statusCode(422).body("violations[0].field", equalTo("birthYear"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        as("ehr").body("{ \"mrn\": ").post("/api/v1/patients").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/malformed-request"));
        as("ehr").body(patientJson(anyMrn()).replace("1958", "\"nineteen\"")).post("/api/v1/patients")
                .then().statusCode(400).body("violations[0].field", equalTo("birthYear"));
    }

    @Test
    void wrongContentTypeIs415() {
        as("ehr").contentType(ContentType.XML).body("<patient/>").post("/api/v1/patients").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405AndUnknownRouteIs404() {
        as("ehr").delete("/api/v1/patients").then().statusCode(405).contentType("application/problem+json");
        as("ehr").get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bodyOverTheLimitIs413AndStoresNothing() {
        String mrn = anyMrn();
        String padding = "x".repeat(300 * 1024);
        as("ehr").body(patientJson(mrn).replace("\"birthYear\"", "\"note\": \"" + padding + "\", \"birthYear\""))
                .post("/api/v1/patients").then().statusCode(413).contentType("application/problem+json");
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(0));
    }

    @Test
    void pagingOutsideItsRangeIs400() {
        as("ehr").queryParam("size", 201).get("/api/v1/patients").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as("ehr").queryParam("page", -1).get("/api/v1/patients").then().statusCode(400);
        as("ehr").queryParam("page", "first").get("/api/v1/patients").then().statusCode(400);
    }

    @Test
    void requestsWithoutTokenAre401WithBearerChallenge() {
        given().contentType(ContentType.JSON).body(patientJson(anyMrn())).post("/api/v1/patients")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void auditorCannotReadOrRegisterPatients() {
        as("auditor").body(patientJson(anyMrn())).post("/api/v1/patients").then().statusCode(403)
                .contentType("application/problem+json");
        as("auditor").get("/api/v1/patients").then().statusCode(403);
    }

    @Test
    void everyAnswerCarriesACorrelationId() {
        as("ehr").header("X-Correlation-Id", "trace-123").get("/api/v1/patients/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).header("X-Correlation-Id", equalTo("trace-123"))
                .body("correlationId", equalTo("trace-123"));
        as("ehr").get("/api/v1/patients").then().header("X-Correlation-Id", notNullValue())
                .header("X-Correlation-Id", not(equalTo("")));
    }
}
