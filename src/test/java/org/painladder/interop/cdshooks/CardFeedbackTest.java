package org.painladder.interop.cdshooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
                                  "outcomeTimestamp": "%s" } ] }""".formatted(card,
                suggestionOf(patientAndRecommendation), Instant.now()))
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
                .body("items.findAll { it.resourceType == 'cds-services' && it.action == 'DECIDE' }.actor",
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
                .body("decisionNote", equalTo("Overridden in the EHR: Patient refused: Prefers to wait for the"
                        + " oncology review"))
                .body("overrideReason.reason.system",
                        equalTo("http://example.org/cds-services/fhir/CodeSystem/override-reasons"))
                .body("overrideReason.reason.code", equalTo("pt-declined"))
                .body("overrideReason.reason.display", equalTo("Patient refused"))
                .body("overrideReason.userComment", equalTo("Prefers to wait for the oncology review"));
    }

    /** A reason picked from the card's list, with no comment, is the reason in the decision note and kept as coded. */
    @Test
    void aReasonPickedFromTheCardsOwnListIsKeptAsTheRejectionReason() {
        String[] patientAndRecommendation = severePainOnStepZero();
        JsonPath cards = CdsCalls.call("painladder-patient-view", CdsCalls.patientView(patientAndRecommendation[0]))
                .statusCode(200).extract().jsonPath();
        String offered = "cards.find { it.uuid == '" + patientAndRecommendation[1] + "' }.overrideReasons";
        assertEquals(List.of("patient-declined", "already-addressed", "not-indicated-now", "data-out-of-date"),
                cards.getList(offered + ".code"));
        assertEquals(List.of("http://painladder.org/fhir/CodeSystem/override-reason"),
                cards.getList(offered + ".system").stream().distinct().toList());
        String alreadyAddressed = cards.getString(offered + ".find { it.code == 'already-addressed' }.display");
        assertEquals("Already addressed", alreadyAddressed);

        feedback(TestTokens.forRole("ehr", "dr.lee"), """
                { "feedback": [ { "card": "%s", "outcome": "overridden",
                                  "overrideReason": { "reason": { "code": "already-addressed",
                                      "system": "http://painladder.org/fhir/CodeSystem/override-reason",
                                      "display": "Already addressed" } },
                                  "outcomeTimestamp": "%s" } ] }""".formatted(patientAndRecommendation[1],
                Instant.now())).statusCode(200).body("feedback.result", contains("REJECTED"));
        recommendation(patientAndRecommendation).body("decisionNote", equalTo("Overridden in the EHR: Already"
                        + " addressed"))
                .body("overrideReason.reason.code", equalTo("already-addressed"))
                .body("overrideReason.userComment", nullValue());
    }

    /** The clinician decided when they clicked in the EHR, not when the EHR got round to telling painladder. */
    @Test
    void theDecisionIsDatedAtTheOutcomeTimestampNotWhenTheFeedbackArrived() throws InterruptedException {
        String[] patientAndRecommendation = severePainOnStepZero();
        Instant created = Instant.parse(recommendation(patientAndRecommendation).extract().path("createdAt"));
        Instant clicked = created.plusSeconds(1);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), clicked.plusSeconds(2)).toMillis()));

        feedback(TestTokens.forRole("ehr", "dr.lee"), """
                { "feedback": [ { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s" } ] }"""
                .formatted(patientAndRecommendation[1], clicked.atOffset(ZoneOffset.ofHours(2))))
                .statusCode(200).body("feedback.result", contains("REJECTED"));

        assertEquals(clicked, Instant.parse(recommendation(patientAndRecommendation).extract().path("decidedAt")));
    }

    @Test
    void anOutcomeInTheFutureOrBeforeTheCardWasIssuedIsRefusedAndDecidesNothing() {
        String[] patientAndRecommendation = severePainOnStepZero();
        Instant created = Instant.parse(recommendation(patientAndRecommendation).extract().path("createdAt"));
        String body = """
                { "feedback": [ { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s" } ] }""";

        feedback(TestTokens.forRole("ehr"), body.formatted(patientAndRecommendation[1],
                Instant.now().plus(10, ChronoUnit.MINUTES))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("feedback[0].outcomeTimestamp"));
        feedback(TestTokens.forRole("ehr"), body.formatted(patientAndRecommendation[1],
                created.minus(1, ChronoUnit.HOURS))).statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("feedback[0].outcomeTimestamp"));

        recommendation(patientAndRecommendation).body("status", equalTo("PENDING")).body("version", equalTo(0));
    }

    /**
     * Feedback goes to the service whose response carried the card (CDS Hooks 2.0: "the card.uuid from the CDS Hooks
     * response"). A recommendation's card sent to an order service, an order card sent to patient-view, or a uuid no
     * service here issued is refused with 400 naming the entry, and nothing in the request is recorded.
     */
    @Test
    void feedbackOnACardThisServiceDidNotIssueIsRefusedAndDecidesNothing() {
        String[] patientAndRecommendation = severePainOnStepZero();
        String orderCard = CdsCalls.call("painladder-order-sign", CdsCalls.fixture("order-sign-request.json",
                        Map.of("fhirServer", "https://ehr.example.org/fhir", "patientId",
                                patientAndRecommendation[0])))
                .statusCode(200).extract().path("cards[0].uuid");
        String overridden = """
                { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s" }""";

        for (String[] foreign : List.of(
                new String[] {"painladder-order-sign", patientAndRecommendation[1]},
                new String[] {"painladder-patient-view", orderCard},
                new String[] {"painladder-order-select", orderCard},
                new String[] {"painladder-patient-view", UUID.randomUUID().toString()},
                new String[] {"painladder-patient-view", "not-a-uuid"})) {
            given().header("Authorization", "Bearer " + TestTokens.forRole("ehr")).contentType(ContentType.JSON)
                    .body("{ \"feedback\": [ " + overridden.formatted(patientAndRecommendation[1], Instant.now())
                            + ", " + overridden.formatted(foreign[1], Instant.now()) + " ] }")
                    .post("/cds-services/" + foreign[0] + "/feedback").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations.field", foreign[0].equals("painladder-patient-view")
                            ? contains("feedback[1].card") : contains("feedback[0].card", "feedback[1].card"));
        }
        recommendation(patientAndRecommendation).body("status", equalTo("PENDING"));

        // The order card is one of order-sign's: its first answer is kept, a second is ignored.
        given().header("Authorization", "Bearer " + TestTokens.forRole("ehr", "dr.lee")).contentType(ContentType.JSON)
                .body("""
                        { "feedback": [ { "card": "%s", "outcome": "overridden",
                            "overrideReason": { "reason": { "system": "http://painladder.org/fhir/CodeSystem/override-reason",
                              "code": "not-indicated-now", "display": "Clinical judgement: not indicated now" } },
                            "outcomeTimestamp": "%s" },
                          { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s" } ] }"""
                        .formatted(orderCard, Instant.now(), orderCard, Instant.now()))
                .post("/cds-services/painladder-order-sign/feedback").then()
                .statusCode(200).body("feedback.result", contains("RECORDED", "IGNORED"));
    }

    /** CDS Hooks 2.0: acceptedSuggestions is required for accepted, and names suggestions the card offered. */
    @Test
    void acceptingWithoutTheCardsSuggestionIsRefusedAndDecidesNothing() {
        String[] patientAndRecommendation = severePainOnStepZero();
        String accepted = """
                { "feedback": [ { "card": "%s", "outcome": "accepted", %s "outcomeTimestamp": "%s" } ] }""";
        feedback(TestTokens.forRole("ehr"), accepted.formatted(patientAndRecommendation[1], "", Instant.now()))
                .statusCode(400).body("violations.field", contains("feedback[0].acceptedSuggestions"));
        feedback(TestTokens.forRole("ehr"), accepted.formatted(patientAndRecommendation[1],
                "\"acceptedSuggestions\": [ { \"id\": \"" + UUID.randomUUID() + "\" } ],", Instant.now()))
                .statusCode(400).body("violations.field", contains("feedback[0].acceptedSuggestions[0].id"));
        recommendation(patientAndRecommendation).body("status", equalTo("PENDING"));
    }

    @Test
    void theSameOverrideSentSeveralTimesAtOnceRejectsOnceAndTheOthersAreIgnored() throws Exception {
        String[] patientAndRecommendation = severePainOnStepZero();
        String body = """
                { "feedback": [ { "card": "%s", "outcome": "overridden", "overrideReason": { "userComment": "no" },
                                  "outcomeTimestamp": "%s" } ] }""".formatted(patientAndRecommendation[1], Instant.now());
        String token = TestTokens.forRole("ehr", "dr.lee");
        List<String> answers = AtOnce.send(4, () -> {
            var answer = feedback(token, body).extract();
            return answer.statusCode() + " " + (answer.statusCode() == 200 ? answer.path("feedback[0].result") : "");
        });

        assertEquals(List.of("200 IGNORED", "200 IGNORED", "200 IGNORED", "200 REJECTED"), answers.stream().sorted().toList());
        recommendation(patientAndRecommendation).body("status", equalTo("REJECTED")).body("version", equalTo(1));
    }

    @Test
    void badFeedbackIs400() {
        feedback(TestTokens.forRole("ehr"), "{ \"feedback\": [ { \"card\": \"x\", \"outcome\": \"maybe\" } ] }")
                .statusCode(400).body("violations[0].field", equalTo("feedback[0].outcome"));
        feedback(TestTokens.forRole("ehr"), "{ }").statusCode(400).body("violations[0].field", equalTo("feedback"));
    }

    /** The same key for other feedback is 422 and decides nothing; the same feedback again is the first answer. */
    @Test
    void feedbackHonoursIdempotencyKey() {
        String[] patientAndRecommendation = severePainOnStepZero();
        String[] other = severePainOnStepZero();
        String key = UUID.randomUUID().toString();
        String overrideOther = """
                { "feedback": [ { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s" } ] }"""
                .formatted(other[1], Instant.now());
        String first = feedback(TestTokens.forRole("ehr"), key, overrideOther).statusCode(200)
                .header("Idempotent-Replayed", nullValue()).body("feedback.result", contains("REJECTED"))
                .extract().asString();
        feedback(TestTokens.forRole("ehr"), key, overrideOther).statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).contentType(ContentType.JSON)
                .body(equalTo(first));

        feedback(TestTokens.forRole("ehr"), key, """
                { "feedback": [ { "card": "%s", "outcome": "accepted", "acceptedSuggestions": [ { "id": "%s" } ],
                                  "outcomeTimestamp": "%s" } ] }""".formatted(patientAndRecommendation[1],
                suggestionOf(patientAndRecommendation), Instant.now()))
                .statusCode(422).contentType("application/problem+json");
        recommendation(patientAndRecommendation).body("status", equalTo("PENDING"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"outcomeTimestamp\": null                                     | feedback[1].outcomeTimestamp",
            "\"outcomeTimestamp\": \"2026-12-07T15:00:00\"                    | feedback[1].outcomeTimestamp",
            "\"outcomeTimestamp\": \"yesterday\"                              | feedback[1].outcomeTimestamp",
            "\"outcomeTimestamp\": 12345                                      | feedback[1].outcomeTimestamp",
            "\"outcomeTimestamp\": \"2026-13-01T00:00:00Z\"                   | feedback[1].outcomeTimestamp",
            "\"overrideReason\": \"no\"                                       | feedback[1].overrideReason",
            "\"overrideReason\": { \"userComment\": 7 }                       | feedback[1].overrideReason.userComment",
            "\"overrideReason\": { \"reason\": { \"code\": [] } }             | feedback[1].overrideReason.reason.code",
            "\"overrideReason\": { \"reason\": { \"display\": \"Refused\" } }  | feedback[1].overrideReason.reason.code",
            "\"overrideReason\": { \"reason\": { \"code\": \"x\" } }           | feedback[1].overrideReason.reason.system",
            "\"acceptedSuggestions\": \"all\"                                 | feedback[1].acceptedSuggestions"})
    void aMalformedFieldInAnyEntryIs400NamingItAndDecidesNoCard(String malformed, String field) {
        String[] first = severePainOnStepZero();
        String[] second = severePainOnStepZero();
        feedback(TestTokens.forRole("ehr"), """
                { "feedback": [ { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s" },
                                { "card": "%s", "outcome": "overridden", %s } ] }"""
                .formatted(first[1], Instant.now(), second[1], malformed.contains("outcomeTimestamp") ? malformed
                        : malformed + ", \"outcomeTimestamp\": \"" + Instant.now() + "\""))
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

    /** The uuid of the suggestion the recommendation's card offers, as patient-view answers it. */
    private static String suggestionOf(String[] patientAndRecommendation) {
        String suggestion = CdsCalls.call("painladder-patient-view", CdsCalls.patientView(patientAndRecommendation[0]))
                .statusCode(200).extract().path("cards.find { it.uuid == '" + patientAndRecommendation[1]
                        + "' }.suggestions[0].uuid");
        assertNotNull(suggestion, "the LAD-04 card offers an order");
        return suggestion;
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
