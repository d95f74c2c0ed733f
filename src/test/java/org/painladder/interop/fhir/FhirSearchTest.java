package org.painladder.interop.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;

/** R4 search as an EHR's FHIR client runs it: every reference form, empty results, paging to the last match. */
@QuarkusTest
class FhirSearchTest {

    private static RequestSpecification fhirAs(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ApiFixtures.FHIR_JSON_UTF8);
    }

    private static String patientWithScores(int scores) {
        String patientId = registeredPatient();
        for (int hour = 1; hour <= scores; hour++) {
            String at = Instant.now().minus(hour, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            ApiFixtures.as("ehr").body(nrsJson("score-" + UUID.randomUUID(), at, hour % 10))
                    .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        }
        return patientId;
    }

    @Test
    void aSubjectWithNoPatientHereMatchesNothing() {
        String unknown = "Patient/" + UUID.randomUUID();
        for (String type : List.of("Observation", "MedicationRequest")) {
            fhirAs("ehr").queryParam("subject", unknown).get("/fhir/r4/" + type).then().statusCode(200)
                    .body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"))
                    .body("total", equalTo(0)).body("entry", nullValue());
        }
    }

    @Test
    void everyR4FormOfTheSubjectReferenceFindsThePatient() {
        String patientId = patientWithScores(1);
        String base = RestAssured.baseURI + ":" + RestAssured.port + "/fhir/r4";
        for (String[] parameter : List.of(new String[] {"subject", "Patient/" + patientId},
                new String[] {"subject", patientId}, new String[] {"subject", base + "/Patient/" + patientId},
                new String[] {"subject:Patient", patientId}, new String[] {"patient", patientId},
                new String[] {"patient", "Patient/" + patientId})) {
            fhirAs("ehr").queryParam(parameter[0], parameter[1]).get("/fhir/r4/Observation").then()
                    .statusCode(200).body("total", equalTo(1));
            fhirAs("ehr").queryParam(parameter[0], parameter[1]).get("/fhir/r4/MedicationRequest").then()
                    .statusCode(200).body("total", equalTo(0));
        }
    }

    @Test
    void pagesLinkToEachOtherUntilEveryMatchIsReached() {
        String patientId = patientWithScores(9);
        JsonPath page = fhirAs("clinician").queryParam("patient", patientId).queryParam("_count", 2)
                .queryParam("unknownParameter", "x").get("/fhir/r4/Observation").then().statusCode(200)
                .body("total", equalTo(9)).body("entry", hasSize(2)).extract().jsonPath();
        String self = URLDecoder.decode(link(page, "self"), StandardCharsets.UTF_8);
        assertTrue(self.contains("_count=2") && self.contains("Patient/" + patientId), self);
        assertFalse(self.contains("unknownParameter"), self);
        assertTrue(link(page, "last").contains("_getpagesoffset=8"), link(page, "last"));
        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            page.getList("entry.resource.id", String.class).forEach(seen::add);
            sizes.add(page.getList("entry").size());
            String next = link(page, "next");
            if (next == null) {
                break;
            }
            page = given().header("Authorization", TestTokens.bearer("clinician")).urlEncodingEnabled(false)
                    .get(next).then().statusCode(200).extract().jsonPath();
            assertTrue(link(page, "previous") != null, "a page after the first links back");
        }
        assertEquals(List.of(2, 2, 2, 2, 1), sizes);
        assertEquals(9, seen.size());
    }

    @Test
    void anUnknownParameterIsIgnoredUnlessStrictHandlingIsAskedFor() {
        String patientId = registeredPatient();
        fhirAs("ehr").queryParam("subject", "Patient/" + patientId).queryParam("code", "72514-3")
                .get("/fhir/r4/Observation").then().statusCode(200);
        for (String type : List.of("Observation", "MedicationRequest")) {
            fhirAs("ehr").header("Prefer", "handling=strict").queryParam("subject", "Patient/" + patientId)
                    .queryParam("code", "72514-3").get("/fhir/r4/" + type).then().statusCode(400)
                    .body("resourceType", equalTo("OperationOutcome"))
                    .body("issue.expression.flatten()", hasItem("code"));
            fhirAs("ehr").header("Prefer", "handling=strict").queryParam("subject", "Patient/" + patientId)
                    .get("/fhir/r4/" + type).then().statusCode(200);
        }
    }

    private static String link(JsonPath bundle, String relation) {
        return bundle.getString("link.find { it.relation == '" + relation + "' }.url");
    }
}
