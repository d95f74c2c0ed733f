package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.asUser;
import static org.painladder.api.RefractoryCaseFixtures.flaggedPatient;
import static org.painladder.api.RefractoryCaseFixtures.pancreaticPain;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefractoryCaseTransitionTest {

    private static String transitions(String caseId) {
        return "/api/v1/refractory-cases/" + caseId + "/transitions";
    }

    @Test
    void theTeamMovesACaseForwardAndEveryChangeIsInItsHistory() {
        String caseId = flaggedPatient(pancreaticPain())[1];

        asUser("palliative", "pc.nurse.kim").header("If-Match", "\"0\"")
                .body("{ \"to\": \"UNDER_REVIEW\", \"by\": \"pc.nurse.kim\", \"assignee\": \"dr.ortiz\","
                        + " \"note\": \"review at Thursday MDT\" }")
                .post(transitions(caseId)).then().statusCode(200)
                .header("ETag", startsWith("\"1-"))
                .body("status", equalTo("UNDER_REVIEW")).body("assignee", equalTo("dr.ortiz"))
                .body("version", equalTo(1));
        as("admin").body("{ \"to\": \"REFERRED\", \"note\": \"referred to interventional pain\" }")
                .post(transitions(caseId)).then().statusCode(200)
                .body("status", equalTo("REFERRED")).body("assignee", equalTo("dr.ortiz"));

        as("clinician").get("/api/v1/refractory-cases/" + caseId).then().statusCode(200)
                .body("history.from", equalTo(java.util.Arrays.asList(null, "OPEN", "UNDER_REVIEW")))
                .body("history.to", equalTo(List.of("OPEN", "UNDER_REVIEW", "REFERRED")))
                .body("history.by", equalTo(List.of("painladder REF-01", "pc.nurse.kim", "test.admin")))
                .body("history[1].note", equalTo("review at Thursday MDT"))
                .body("history[1].assignee", equalTo("dr.ortiz"))
                .body("history[2].at", startsWith("20"));
    }

    @Test
    void aBackwardMoveOrASkippedStepIs409AndChangesNothing() {
        String caseId = flaggedPatient(pancreaticPain())[1];
        as("palliative").body("{ \"to\": \"REFERRED\" }").post(transitions(caseId)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", startsWith("The case is OPEN; it can move only forward"));
        as("palliative").body("{ \"to\": \"UNDER_REVIEW\" }").post(transitions(caseId)).then().statusCode(200);
        as("palliative").body("{ \"to\": \"OPEN\" }").post(transitions(caseId)).then().statusCode(409);

        as("palliative").get("/api/v1/refractory-cases/" + caseId).then()
                .body("status", equalTo("UNDER_REVIEW")).body("version", equalTo(1)).body("history.size()", equalTo(2));
    }

    @Test
    void closingNeedsAnOutcome() {
        String caseId = flaggedPatient(pancreaticPain())[1];
        as("palliative").body("{ \"to\": \"CLOSED\" }").post(transitions(caseId)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("outcome"));
        as("palliative").body("{ \"to\": \"UNDER_REVIEW\", \"outcome\": \"DECEASED\" }").post(transitions(caseId))
                .then().statusCode(422).body("violations[0].field", equalTo("outcome"));
        as("palliative").body("{ \"outcome\": \"DECEASED\" }").post(transitions(caseId)).then().statusCode(422)
                .body("violations[0].field", equalTo("to"));
        as("palliative").body("{ \"to\": \"FORGOTTEN\" }").post(transitions(caseId)).then().statusCode(422);
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String caseId = flaggedPatient(pancreaticPain())[1];
        as("palliative").body("{ \"to\": \"UNDER_REVIEW\" }").post(transitions(caseId)).then().statusCode(200);

        as("palliative").header("If-Match", "\"0\"").body("{ \"to\": \"REFERRED\" }").post(transitions(caseId))
                .then().statusCode(412).contentType("application/problem+json");
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().body("status", equalTo("UNDER_REVIEW"));
    }

    @Test
    void closingClearsThePatientsFlagAndFreesItForANewCase() {
        String[] flagged = flaggedPatient(pancreaticPain());
        as("palliative").body("{ \"to\": \"CLOSED\", \"outcome\": \"INTERVENTION_DONE\", \"note\": \"coeliac block 12/01\" }")
                .post(transitions(flagged[1])).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("INTERVENTION_DONE"));

        as("ehr").get("/api/v1/patients/" + flagged[0]).then()
                .body("refractory", equalTo(false)).body("openRefractoryCaseId", nullValue());
        as("palliative").body("{ \"to\": \"UNDER_REVIEW\" }").post(transitions(flagged[1])).then().statusCode(409)
                .body("detail", startsWith("The case is CLOSED"));
        as("palliative").body("{ \"to\": \"CLOSED\", \"outcome\": \"DECEASED\" }").post(transitions(flagged[1]))
                .then().statusCode(409);
    }

    @Test
    void onlyThePalliativeTeamAndAdminsMoveCases() {
        String caseId = flaggedPatient(pancreaticPain())[1];
        as("clinician").body("{ \"to\": \"UNDER_REVIEW\" }").post(transitions(caseId)).then().statusCode(403);
        as("ehr").body("{ \"to\": \"UNDER_REVIEW\" }").post(transitions(caseId)).then().statusCode(403);
        as("palliative").body("{ \"to\": \"UNDER_REVIEW\" }")
                .post(transitions(java.util.UUID.randomUUID().toString())).then().statusCode(404);
    }

    @Test
    void readingAndMovingACaseAreAuditedAgainstItsPatient() {
        String[] flagged = flaggedPatient(pancreaticPain());
        String patientId = flagged[0];
        String caseId = flagged[1];
        as("clinician").get("/api/v1/refractory-cases/" + caseId).then().statusCode(200);
        as("palliative").body("{ \"to\": \"UNDER_REVIEW\" }").post(transitions(caseId)).then().statusCode(200);

        as("auditor").queryParam("patientId", patientId).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.resourceId == '" + caseId + "' }.action",
                        equalTo(List.of("DECIDE", "READ")));
    }

    @Test
    void teamMembersMovingOneCaseAtOnceWithTheSameIfMatchLetExactlyOneThrough() throws Exception {
        String caseId = flaggedPatient(pancreaticPain())[1];
        List<Integer> statuses = AtOnce.send(3, () -> asUser("palliative", "pc.nurse.kim").header("If-Match", "\"0\"")
                .body("{ \"to\": \"UNDER_REVIEW\", \"by\": \"pc.nurse.kim\" }").post(transitions(caseId))
                .then().extract().statusCode());

        assertEquals(Map.of(200, 1L, 412, 2L), counted(statuses), statuses.toString());
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().header("ETag", startsWith("\"1-"))
                .body("status", equalTo("UNDER_REVIEW")).body("version", equalTo(1))
                .body("history.to", equalTo(List.of("OPEN", "UNDER_REVIEW")));
    }

    @Test
    void teamMembersMovingOneCaseAtOnceWithoutIfMatchFindTheMoveAlreadyMade() throws Exception {
        String caseId = flaggedPatient(pancreaticPain())[1];
        List<Integer> reviews = AtOnce.send(10, () -> as("palliative").body("{ \"to\": \"UNDER_REVIEW\" }")
                .post(transitions(caseId)).then().extract().statusCode());

        assertEquals(Map.of(200, 1L, 409, 9L), counted(reviews), reviews.toString());
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().body("version", equalTo(1))
                .body("history.to", equalTo(List.of("OPEN", "UNDER_REVIEW")));
    }

    @Test
    void aCaseClosedByManyAtOnceIsClosedOnce() throws Exception {
        String[] flagged = flaggedPatient(pancreaticPain());
        List<Integer> closings = AtOnce.send(6, () -> as("palliative")
                .body("{ \"to\": \"CLOSED\", \"outcome\": \"PAIN_CONTROLLED\" }").post(transitions(flagged[1]))
                .then().extract().statusCode());

        assertEquals(Map.of(200, 1L, 409, 5L), counted(closings), closings.toString());
        as("palliative").get("/api/v1/refractory-cases/" + flagged[1]).then().body("version", equalTo(1))
                .body("status", equalTo("CLOSED")).body("history.to", equalTo(List.of("OPEN", "CLOSED")));
        as("ehr").get("/api/v1/patients/" + flagged[0]).then().body("openRefractoryCaseId", nullValue());
    }

    private static Map<Integer, Long> counted(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
    }
}
