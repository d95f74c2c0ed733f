package org.painladder.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Builders for the requests most API tests start from, in the words an EHR would use. */
public final class ApiFixtures {

    private ApiFixtures() {
    }

    /** FHIR JSON as a FHIR client sends it: UTF-8, said so, as REST Assured would otherwise declare ISO-8859-1. */
    public static final String FHIR_JSON_UTF8 = "application/fhir+json; charset=utf-8";
    /** A JSON merge patch, UTF-8 and said so, for the same reason. */
    public static final String MERGE_PATCH_UTF8 = "application/merge-patch+json; charset=utf-8";

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** A request as a named user of the role: the user the clinical record must name. */
    public static RequestSpecification asUser(String role, String user) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole(role, user))
                .contentType(ContentType.JSON);
    }

    public static String anyMrn() {
        return "MRN-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String patientJson(String mrn) {
        return """
                { "mrn": "%s", "birthYear": 1958, "sex": "female",
                  "diagnosis": { "icd10": "C25.0", "primarySite": "PANCREAS", "metastatic": true, "boneMetastases": false },
                  "lifeExpectancyMonths": 6, "contraindications": ["ANTICOAGULATED"] }
                """.formatted(mrn);
    }

    /** Registers a patient as the EHR and answers its id. */
    public static String registeredPatient() {
        return as("ehr").body(patientJson(anyMrn())).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");
    }

    public static String nrsJson(String externalId, String recordedAt, int value) {
        return """
                { "externalId": "%s", "recordedAt": "%s", "scale": "NRS", "value": %d, "kind": "BACKGROUND",
                  "site": "ABDOMEN_UPPER", "mechanism": "NOCICEPTIVE_VISCERAL", "course": "CHRONIC",
                  "breakthroughEpisodes24h": 1, "source": "EHR" }
                """.formatted(externalId, recordedAt, value);
    }
}
