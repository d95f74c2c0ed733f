package org.painladder.api.regimen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;

@QuarkusTest
class OpioidConversionApiTest {

    private static final String PATH = "/api/v1/opioid-conversions";

    private static String conversion(String from, String to, String reduction) {
        return "{ \"from\": " + from + ", \"to\": " + to
                + (reduction == null ? "" : ", \"crossToleranceReductionPct\": " + reduction) + " }";
    }

    private static final String MORPHINE_90 = "{ \"drug\": \"MORPHINE\", \"route\": \"ORAL\", \"dailyDose\": 90, \"unit\": \"mg\" }";
    private static final String TO_OXYCODONE = "{ \"drug\": \"OXYCODONE\", \"route\": \"ORAL\" }";

    @Test
    void ninetyMgMorphineIsSixtyMgOxycodoneFortyFiveToStart() {
        as("clinician").body(conversion(MORPHINE_90, TO_OXYCODONE, "25")).post(PATH)
                .then().statusCode(200)
                .body("fromOmeddMg", equalTo(90.0f))
                .body("equianalgesicDailyDose", equalTo(60.0f))
                .body("recommendedDailyDose", equalTo(45.0f))
                .body("unit", equalTo("mg"))
                .body("factorsUsed", equalTo("CDC_2022 v2022.1.0"))
                .body("crossToleranceReductionPct", equalTo(25.0f))
                .body("requiresSpecialist", equalTo(false))
                .body("cautions.code", hasItem("CROSS_TOLERANCE"))
                .body("cautions.code", hasItem("CANCER_PAIN_SCOPE"))
                .body("trace[1]", equalTo("90 mg/d OMEDD ÷ 1.5 (CDC 2022 MME table) = 60 mg/d oxycodone ORAL"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String key = "conv-" + System.nanoTime();
        as("clinician").header("Idempotency-Key", key).body(conversion(MORPHINE_90, TO_OXYCODONE, null)).post(PATH)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(45.0f));
        as("clinician").header("Idempotency-Key", key).body(conversion(MORPHINE_90, TO_OXYCODONE, null)).post(PATH)
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("recommendedDailyDose", equalTo(45.0f));
    }

    @Test
    void reductionDefaultsTo25() {
        as("admin").body(conversion(MORPHINE_90, TO_OXYCODONE, null)).post(PATH)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(45.0f));
    }

    @Test
    void toMethadoneNeedsASpecialistAndToAPatchFollowsTheLabel() {
        as("clinician").body(conversion(MORPHINE_90, "{ \"drug\": \"METHADONE\", \"route\": \"ORAL\" }", null))
                .post(PATH).then().statusCode(200)
                .body("requiresSpecialist", equalTo(true))
                // 90 mg/d is in the 8:1 tier, but never below the 22.5 mg/d the 4:1 tier gives up to 90 (§8.5),
                // rounded down to whole mg (round 4).
                .body("recommendedDailyDose", equalTo(22.0f))
                .body("cautions.code", hasItem("METHADONE_NON_LINEAR"));
        as("clinician").body(conversion(MORPHINE_90, "{ \"drug\": \"FENTANYL\", \"route\": \"TRANSDERMAL\" }", null))
                .post(PATH).then().statusCode(200)
                .body("recommendedDailyDose", equalTo(25.0f))
                .body("unit", equalTo("mcg/h"))
                .body("crossToleranceReductionPct", equalTo(0.0f))
                .body("cautions.code", hasItem("FENTANYL_PATCH_TIMING"));
    }

    @Test
    void subcutaneousHydromorphoneToOralOxycodoneUsesTheCautiousEndOfTheParenteralRange() {
        as("clinician").body(conversion("{ \"drug\": \"HYDROMORPHONE\", \"route\": \"SC\", \"dailyDose\": 10,"
                        + " \"unit\": \"mg\" }", TO_OXYCODONE, null))
                .post(PATH).then().statusCode(200)
                .body("fromOmeddMg", equalTo(200.0f))
                .body("recommendedDailyDose", equalTo(50.0f))
                .body("factorsUsed", equalTo("CDC_2022 v2022.1.0; direction of travel: hydromorphone SC 10"
                        + " (range 10-20)"));
    }

    @Test
    void buprenorphineIs422WithTheReason() {
        as("clinician").body(conversion(MORPHINE_90, "{ \"drug\": \"BUPRENORPHINE\", \"route\": \"TRANSDERMAL\" }",
                null)).post(PATH).then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("to.drug"))
                .body("violations[0].message", containsString("partial µ-agonist"));
    }

    @Test
    void reductionOutside25To50Is422() {
        as("clinician").body(conversion(MORPHINE_90, TO_OXYCODONE, "10")).post(PATH).then().statusCode(422)
                .body("violations[0].field", equalTo("crossToleranceReductionPct"));
        as("clinician").body(conversion(MORPHINE_90, TO_OXYCODONE, "60")).post(PATH).then().statusCode(422);
    }

    @Test
    void unknownDrugRouteUnitAndMissingPartsAre422() {
        as("clinician").body(conversion("{ \"drug\": \"UNOBTAINIUM\", \"route\": \"ORAL\", \"dailyDose\": 9, \"unit\": \"mg\" }",
                TO_OXYCODONE, null)).post(PATH).then().statusCode(422).body("violations[0].field", equalTo("from.drug"));
        as("clinician").body(conversion("{ \"drug\": \"MORPHINE\", \"route\": \"ORAL\", \"dailyDose\": -9, \"unit\": \"mcg\" }",
                TO_OXYCODONE, null)).post(PATH).then().statusCode(422)
                .body("violations.field", equalTo(List.of("from.dailyDose", "from.unit")));
        as("clinician").body("{ \"from\": " + MORPHINE_90 + " }").post(PATH).then().statusCode(422)
                .body("violations[0].field", equalTo("to"));
    }

    @Test
    void malformedJsonWrongTypesAndContentTypeAre400And415() {
        as("clinician").body("{ \"from\": ").post(PATH).then().statusCode(400).contentType("application/problem+json");
        as("clinician").body(conversion("{ \"drug\": \"MORPHINE\", \"dailyDose\": \"ninety\" }", TO_OXYCODONE, null))
                .post(PATH).then().statusCode(400);
        given().header("Authorization", TestTokens.bearer("clinician")).contentType(ContentType.TEXT).body("90 mg")
                .post(PATH).then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void onlyCliniciansAndAdminsConvert() {
        as("ehr").body(conversion(MORPHINE_90, TO_OXYCODONE, null)).post(PATH).then().statusCode(403);
        as("palliative").body(conversion(MORPHINE_90, TO_OXYCODONE, null)).post(PATH).then().statusCode(403);
        given().contentType(ContentType.JSON).body(conversion(MORPHINE_90, TO_OXYCODONE, null)).post(PATH)
                .then().statusCode(401);
    }
}
