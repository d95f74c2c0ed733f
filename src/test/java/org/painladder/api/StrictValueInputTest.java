package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * api.md "Strict input", no coercion: a pain value is a JSON number (a word only for VRS), and a FHIR Bundle's
 * MedicationRequest is read as strictly as an Observation; an opioid conversion takes the doses a regimen takes.
 */
@QuarkusTest
class StrictValueInputTest {

    private static final String FHIR_JSON = "application/fhir+json";

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void aNumericScoreSentAsAStringIs400() {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String[][] refused = {{"NRS", "\"7.0\""}, {"NRS", "\" 7\""}, {"NRS", "\"7\""}, {"VAS", "\"1e1\""},
                {"FACES", "\"4\""}, {"PAINAD", "\"3\""}, {"NRS", "\"seven\""}};
        for (String[] scaleAndValue : refused) {
            as("ehr").body(nrsJson("str-" + System.nanoTime(), anHourAgo(), 0)
                            .replace("\"NRS\"", "\"" + scaleAndValue[0] + "\"")
                            .replace("\"value\": 0", "\"value\": " + scaleAndValue[1]))
                    .post(assessments).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("value"));
        }
        as("clinician").get(assessments).then().body("total", equalTo(0));
        as("ehr").body(nrsJson("vrs-" + System.nanoTime(), anHourAgo(), 0).replace("\"NRS\"", "\"VRS\"")
                .replace("\"value\": 0", "\"value\": \"MODERATE\"")).post(assessments).then().statusCode(201)
                .body("score", equalTo(5));
    }

    private static String morphineBundle(String patientId, String doseValue) {
        return """
                { "resourceType": "Bundle", "type": "collection", "entry": [ { "resource": {
                    "resourceType": "MedicationRequest", "status": "active", "intent": "order",
                    "subject": { "reference": "Patient/%s" },
                    "medicationCodeableConcept": { "coding": [ {
                        "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "7052" } ] },
                    "dosageInstruction": [ {
                        "timing": { "repeat": { "frequency": 6, "period": 1, "periodUnit": "d" } },
                        "route": { "coding": [ { "system": "http://snomed.info/sct", "code": "26643006" } ] },
                        "doseAndRate": [ { "doseQuantity": { "value": %s, "unit": "mg",
                            "system": "http://unitsofmeasure.org", "code": "mg" } } ] } ] } } ] }
                """.formatted(patientId, doseValue);
    }

    @Test
    void aBundlesDoseSentAsAStringIs400AndRecordsNothing() {
        String patientId = registeredPatient();
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                .body(morphineBundle(patientId, "\"10\"")).post("/fhir/r4/Bundle").then().statusCode(400)
                .contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem(
                        "Bundle.entry[0].resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value"));
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                .body(morphineBundle(patientId, "10").replace("\"periodUnit\": \"d\"", "\"periodUnit\": 1"))
                .post("/fhir/r4/Bundle").then().statusCode(400).contentType(FHIR_JSON);
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen/history").then().body("total", equalTo(0));
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                .body(morphineBundle(patientId, "10")).post("/fhir/r4/Bundle").then().statusCode(200);
    }

    @Test
    void aConversionTakesOnlyTheDosesARegimenTakes() {
        for (String dailyDose : new String[] {"1e300", "100001", "9e-999", "0.0001", "0", "-5"}) {
            as("clinician").body("""
                            { "from": { "drug": "MORPHINE", "route": "ORAL", "dailyDose": %s, "unit": "mg" },
                              "to": { "drug": "OXYCODONE", "route": "ORAL" } }""".formatted(dailyDose))
                    .post("/api/v1/opioid-conversions").then().statusCode(422)
                    .contentType("application/problem+json").body("violations.field", hasItem("from.dailyDose"));
        }
        as("clinician").body("""
                        { "from": { "drug": "MORPHINE", "route": "ORAL", "dailyDose": 100000, "unit": "mg" },
                          "to": { "drug": "OXYCODONE", "route": "ORAL" } }""")
                .post("/api/v1/opioid-conversions").then().statusCode(200);
    }

    @Test
    void aWholeNumberBeyondTheIntegerRangeIs400NamingTheFieldAndStoresNothing() {
        String mrn = ApiFixtures.anyMrn();
        as("ehr").body(ApiFixtures.patientJson(mrn).replace("\"lifeExpectancyMonths\": 6",
                        "\"lifeExpectancyMonths\": 2147483648"))
                .post("/api/v1/patients").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("lifeExpectancyMonths"));
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().statusCode(200).body("total", equalTo(0));

        String assessments = "/api/v1/patients/" + registeredPatient() + "/pain-assessments";
        for (String tooLarge : new String[] {"2147483648", "-2147483649", "99999999999999999999"}) {
            as("ehr").body(nrsJson("big-" + System.nanoTime(), anHourAgo(), 6)
                            .replace("\"breakthroughEpisodes24h\": 1", "\"breakthroughEpisodes24h\": " + tooLarge))
                    .post(assessments).then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("breakthroughEpisodes24h"));
        }
        as("clinician").get(assessments).then().body("total", equalTo(0));
    }
}
