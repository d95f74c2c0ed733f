package org.painladder.interop.cdshooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.painladder.api.AtOnce;
import org.painladder.api.TestTokens;

/** A clinician's answer to a card in the EHR decides the recommendation behind it, once. */
@QuarkusTest
@TestProfile(CdsClientsProfile.class)
class CardFeedbackTest {

    private static final String FEEDBACK = "/cds-services/painladder-patient-view/feedback";

    @Test
    void acceptingTheCardAcceptsTheRecommendationAsTheTokensSubjectAndASecondAnswerIsIgnored() {
        String[] patientAndRecommendation = severePainOnStepZero();
        String card = patientAndRecommendation[1];
        feedback(CdsClientKeyPairs.token("/painladder-patient-view/feedback"), """
                { "feedback": [ { "card": "%s", "outcome": "accepted",
                                  "acceptedSuggestions": [ { "id": "%s" } ],
                                  "outcomeTimestamp": "%s" } ] }""".formatted(card, UUID.randomUUID(), Instant.now()))
                .statusCode(200).body("feedback.result", contains("ACCEPTED"));
        recommendation(patientAndRecommendation).body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("ehr-cds-client"));

        feedback(CdsClientKeyPairs.token("/painladder-patient-view/feedback"), """
                { "feedback": [ { "card": "%s", "outcome": "overridden",
                                  "overrideReason": { "userComment": "changed my mind" },
                                  "outcomeTimestamp": "%s" } ] }""".formatted(card, Instant.now()))
                .statusCode(200).body("feedback.result", contains("IGNORED"));
        recommendation(patientAndRecommendation).body("status", equalTo("ACCEPTED"));

        // The trail names the patient of each feedback although the path does not.
        as("auditor").get("/api/v1/audit-events?patientId=" + patientAndRecommendation[0] + "&size=200").then()
                .statusCode(200)
                .body("items.findAll { it.resourceType == 'cds-services' }.action", contains("DECIDE", "DECIDE"))
                .body("items.findAll { it.resourceType == 'cds-services' }.actor",
                        contains("ehr-cds-client", "ehr-cds-client"));
    }

    @Test
    void overridingTheCardRejectsTheRecommendationWithTheOverrideReason() {
        String[] patientAndRecommendation = severePainOnStepZero();
        feedback(TestTokens.forRole("ehr", "dr.lee"), """
                { "feedback": [ { "card": "%s", "outcome": "overridden",
                                  "overrideReason": { "reason": { "code": "pt-declined",
                                      "system": "http://example.org/cds-services/fhir/CodeSystem/override-reasons",
                                      "display": "Patient refused" },
                                    "userComment": "Prefers to wait for the oncology review" },
                                  "outcomeTimestamp": "%s" } ] }""".formatted(patientAndRecommendation[1],
                Instant.now()))
                .statusCode(200).body("feedback.result", contains("REJECTED"));
        recommendation(patientAndRecommendation).body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo("dr.lee"))
                .body("decisionNote", equalTo("Overridden in the EHR: Prefers to wait for the oncology review"));
    }

    @Test
    void theSameOverrideSentSeveralTimesAtOnceRejectsOnceAndTheOthersAreIgnored() throws Exception {
        String[] patientAndRecommendation = severePainOnStepZero();
        String body = """
                { "feedback": [ { "card": "%s", "outcome": "overridden", "overrideReason": { "userComment": "no" },
                                  "outcomeTimestamp": "2026-12-07T15:00:00Z" } ] }""".formatted(patientAndRecommendation[1]);
        String token = TestTokens.forRole("ehr", "dr.lee");
        List<String> answers = AtOnce.send(4, () -> {
            var answer = feedback(token, body).extract();
            return answer.statusCode() + " " + (answer.statusCode() == 200 ? answer.path("feedback[0].result") : "");
        });

        assertEquals(List.of("200 IGNORED", "200 IGNORED", "200 IGNORED", "200 REJECTED"), answers.stream().sorted().toList());
        recommendation(patientAndRecommendation).body("status", equalTo("REJECTED")).body("version", equalTo(1));
    }

    @Test
    void feedbackOnACardThatIsNoRecommendationIsIgnoredAndBadFeedbackIs400() {
        feedback(TestTokens.forRole("ehr"), """
                { "feedback": [ { "card": "%s", "outcome": "accepted" }, { "card": "not-a-uuid", "outcome": "accepted" } ] }
                """.formatted(UUID.randomUUID())).statusCode(200).body("feedback.result", contains("IGNORED", "IGNORED"));
        feedback(TestTokens.forRole("ehr"), "{ \"feedback\": [ { \"card\": \"x\", \"outcome\": \"maybe\" } ] }")
                .statusCode(400).body("violations[0].field", equalTo("feedback[0].outcome"));
        feedback(TestTokens.forRole("ehr"), "{ }").statusCode(400).body("violations[0].field", equalTo("feedback"));
    }

    /** The same key for other feedback is 422 and decides nothing; the same feedback again is the first answer. */
    @Test
    void feedbackHonoursIdempotencyKey() {
        String[] patientAndRecommendation = severePainOnStepZero();
        String key = UUID.randomUUID().toString();
        String onUnknownCard = "{ \"feedback\": [ { \"card\": \"%s\", \"outcome\": \"accepted\" } ] }"
                .formatted(UUID.randomUUID());
        String first = feedback(TestTokens.forRole("ehr"), key, onUnknownCard).statusCode(200)
                .header("Idempotent-Replayed", nullValue()).body("feedback.result", contains("IGNORED"))
                .extract().asString();
        feedback(TestTokens.forRole("ehr"), key, onUnknownCard).statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).contentType(ContentType.JSON)
                .body(equalTo(first));

        feedback(TestTokens.forRole("ehr"), key, """
                { "feedback": [ { "card": "%s", "outcome": "accepted" } ] }""".formatted(patientAndRecommendation[1]))
                .statusCode(422).contentType("application/problem+json");
        recommendation(patientAndRecommendation).body("status", equalTo("PENDING"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"outcomeTimestamp\": \"yesterday\"                              | feedback[1].outcomeTimestamp",
            "\"outcomeTimestamp\": 12345                                      | feedback[1].outcomeTimestamp",
            "\"outcomeTimestamp\": \"2026-13-01T00:00:00Z\"                   | feedback[1].outcomeTimestamp",
            "\"overrideReason\": \"no\"                                       | feedback[1].overrideReason",
            "\"overrideReason\": { \"userComment\": 7 }                       | feedback[1].overrideReason.userComment",
            "\"overrideReason\": { \"reason\": { \"code\": [] } }             | feedback[1].overrideReason.reason.code",
            "\"acceptedSuggestions\": \"all\"                                 | feedback[1].acceptedSuggestions"})
    void aMalformedFieldInAnyEntryIs400NamingItAndDecidesNoCard(String malformed, String field) {
        String[] first = severePainOnStepZero();
        String[] second = severePainOnStepZero();
        feedback(TestTokens.forRole("ehr"), """
                { "feedback": [ { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s" },
                                { "card": "%s", "outcome": "overridden", %s } ] }"""
                .formatted(first[1], Instant.now(), second[1], malformed))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains(field));

        recommendation(first).body("status", equalTo("PENDING"));
        recommendation(second).body("status", equalTo("PENDING"));
    }

    private static ValidatableResponse feedback(String token, String body) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(body)
                .post(FEEDBACK).then();
    }

    private static ValidatableResponse feedback(String token, String key, String body) {
        return given().header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post(FEEDBACK).then();
    }

    private static ValidatableResponse recommendation(String[] patientAndRecommendation) {
        return as("clinician").get("/api/v1/patients/" + patientAndRecommendation[0] + "/recommendations/"
                + patientAndRecommendation[1]).then().statusCode(200);
    }

    private static String[] severePainOnStepZero() {
        String patientId = registeredPatient();
        String recommendationId = as("ehr").body(nrsJson("obs-fb", Instant.now().minus(5, ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS).toString(), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201).extract()
                .path("evaluation.recommendations.find { it.ruleId == 'LAD-04' }.id");
        return new String[] {patientId, recommendationId};
    }
}
