package org.painladder.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Breakthrough type, red flags and the new adverse-effect types of rules 2026.12.0 on a pain assessment. */
@QuarkusTest
class AssessmentFlagsTest {

    private static String assessmentsOf(String patientId) {
        return "/api/v1/patients/" + patientId + "/pain-assessments";
    }

    private static String flagged(String externalId, String recordedAt, String breakthroughType, String redFlags,
                                  String adverseEffects) {
        return """
                { "externalId": "%s", "recordedAt": "%s", "scale": "NRS", "value": 8, "kind": "BREAKTHROUGH",
                  "site": "BACK_LOW", "mechanism": "NOCICEPTIVE_SOMATIC", "course": "CHRONIC",
                  "breakthroughEpisodes24h": 4, "source": "EHR", "breakthroughType": "%s",
                  "redFlags": %s, "adverseEffects": %s }
                """.formatted(externalId, recordedAt, breakthroughType, redFlags, adverseEffects);
    }

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void breakthroughTypeRedFlagsAndTheNewAdverseEffectsAreStoredAndReadBack() {
        String patientId = registeredPatient();
        String body = flagged("obs-flags", anHourAgo(), "INCIDENT", "[\"SPHINCTER_DYSFUNCTION\", \"FALL_OR_INJURY\"]",
                "[{ \"type\": \"HALLUCINATIONS\", \"severity\": \"MODERATE\" },"
                        + " { \"type\": \"HYPERALGESIA\", \"severity\": \"MILD\" }]");
        String location = as("ehr").body(body).post(assessmentsOf(patientId)).then().statusCode(201)
                .body("breakthroughType", equalTo("INCIDENT"))
                .body("redFlags", contains("SPHINCTER_DYSFUNCTION", "FALL_OR_INJURY"))
                .body("adverseEffects.type", contains("HALLUCINATIONS", "HYPERALGESIA"))
                .extract().header("Location");

        as("clinician").get(location).then().statusCode(200)
                .body("breakthroughType", equalTo("INCIDENT"))
                .body("redFlags", contains("SPHINCTER_DYSFUNCTION", "FALL_OR_INJURY"))
                .body("adverseEffects.severity", contains("MODERATE", "MILD"));
        as("clinician").get(assessmentsOf(patientId)).then().statusCode(200)
                .body("items[0].redFlags", hasSize(2));
    }

    @Test
    void anAssessmentWithoutThemHasNoTypeAndNoFlags() {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-plain", anHourAgo(), 3)).post(assessmentsOf(patientId)).then().statusCode(201)
                .body("breakthroughType", nullValue())
                .body("redFlags", empty());
    }

    @Test
    void aRetryWithOtherFlagsOrAnotherTypeIsAConflictNotTheSameFact() {
        String patientId = registeredPatient();
        String at = anHourAgo();
        String effects = "[{ \"type\": \"HYPERALGESIA\", \"severity\": \"MILD\" }]";
        as("ehr").body(flagged("obs-retry", at, "END_OF_DOSE", "[\"FEVER\"]", effects))
                .post(assessmentsOf(patientId)).then().statusCode(201);

        as("ehr").body(flagged("obs-retry", at, "END_OF_DOSE", "[\"FEVER\"]", effects))
                .post(assessmentsOf(patientId)).then().statusCode(200);
        as("ehr").body(flagged("obs-retry", at, "END_OF_DOSE", "[\"FEVER\", \"NEW_NEUROLOGICAL_DEFICIT\"]", effects))
                .post(assessmentsOf(patientId)).then().statusCode(409);
        as("ehr").body(flagged("obs-retry", at, "END_OF_DOSE", "[]", effects))
                .post(assessmentsOf(patientId)).then().statusCode(409);
        as("ehr").body(flagged("obs-retry", at, "SPONTANEOUS", "[\"FEVER\"]", effects))
                .post(assessmentsOf(patientId)).then().statusCode(409);
        as("ehr").body(flagged("obs-retry", at, "END_OF_DOSE", "[\"FEVER\"]",
                        "[{ \"type\": \"HYPERALGESIA\", \"severity\": \"MODERATE\" }]"))
                .post(assessmentsOf(patientId)).then().statusCode(409);

        as("clinician").get(assessmentsOf(patientId)).then()
                .body("items", hasSize(1))
                .body("items[0].redFlags", contains("FEVER"))
                .body("items[0].breakthroughType", equalTo("END_OF_DOSE"));
    }

    @Test
    void anUnknownRedFlagOrTypeIsRefusedAndStoresNothing() {
        String patientId = registeredPatient();
        as("ehr").body(flagged("obs-bad-flag", anHourAgo(), "INCIDENT", "[\"CAUDA_EQUINA\"]", "[]"))
                .post(assessmentsOf(patientId)).then().statusCode(oneOf(400, 422))
                .contentType("application/problem+json");
        as("ehr").body(flagged("obs-bad-type", anHourAgo(), "NOCTURNAL", "[]", "[]"))
                .post(assessmentsOf(patientId)).then().statusCode(oneOf(400, 422));
        as("clinician").get(assessmentsOf(patientId)).then().body("items", empty());
    }

    @Test
    void anAdverseEffectListedTwiceIs422NamingTheSecondAndStoresNothing() {
        String patientId = registeredPatient();
        as("ehr").body(flagged("twice-" + System.nanoTime(), anHourAgo(), "INCIDENT", "[]", """
                [ { "type": "NAUSEA", "severity": "MILD" }, { "type": "SEDATION", "severity": "MILD" },
                  { "type": "NAUSEA", "severity": "SEVERE" } ]"""))
                .post(assessmentsOf(patientId)).then().statusCode(422)
                .body("violations[0].field", equalTo("adverseEffects[2].type"));
        as("clinician").get(assessmentsOf(patientId)).then().body("total", equalTo(0));
    }
}
