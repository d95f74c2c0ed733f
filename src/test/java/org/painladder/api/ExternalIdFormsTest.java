package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An EHR's retry finds the assessment it sent before: an externalId in another Unicode form is the same id, and one
 * a retry could not be told apart by (spaces at its ends, control or invisible characters) is refused.
 */
@QuarkusTest
class ExternalIdFormsTest {

    private static final String AN_HOUR_AGO =
            Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    @Test
    void theNfdFormOfAnExternalIdIsARetryOfItsNfcForm() {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String id = as("ehr").body(nrsJson("obs-\u00e9", AN_HOUR_AGO, 6)).post(assessments).then().statusCode(201)
                .body("externalId", equalTo("obs-\u00e9")).extract().path("id");
        as("ehr").body(nrsJson("obs-e\u0301", AN_HOUR_AGO, 6)).post(assessments).then().statusCode(200)
                .body("id", equalTo(id));
        as("ehr").body(nrsJson("obs-e\u0301", AN_HOUR_AGO, 7)).post(assessments).then().statusCode(409);
        as("clinician").get(assessments).then().body("total", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"obs-x ", " obs-x", "obs\u200b-x", "a\\nb", "obs\\u0007x", "obs\u00a0", "obs\u2028x",
            "\u2060obs"})
    void anExternalIdWithEdgeSpacesOrInvisibleCharactersIs422AndStoresNothing(String externalId) {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        as("ehr").body(nrsJson(externalId, AN_HOUR_AGO, 6)).post(assessments).then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem("externalId"));
        as("clinician").get(assessments).then().body("total", equalTo(0));
    }
}
