package org.painladder.api.ladder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.painladder.domain.ladder.RuleId;

/** The rules in force are published, so that a clinician can check every threshold and where it comes from. */
@QuarkusTest
class LadderPolicyTest {

    private static final String POLICY = "/api/v1/ladder/policy";

    @Test
    void thePolicyNamesItsVersionThresholdsRulesAndChoices() {
        as("clinician").get(POLICY).then().statusCode(200)
                .body("rulesVersion", equalTo("2026.12.3"))
                .body("parameters.bandMildMax", equalTo(3))
                .body("parameters.bandModerateMax", equalTo(6))
                .body("parameters.escalationWindowHours", equalTo(48))
                .body("parameters.minScoresForPersistence", equalTo(2))
                .body("parameters.minSpacingHours", equalTo(4))
                .body("parameters.moderatePainStrategy", equalTo("WEAK_OPIOID"))
                .body("parameters.lowDoseStrongOpioidMaxMg.morphine", equalTo(30))
                .body("parameters.titrationPctModerate", equalTo(30))
                .body("parameters.titrationPctSevere", equalTo(50))
                .body("parameters.maxDailyIncreasePct", equalTo(100))
                .body("parameters.minHoursBetweenTitrations.oral", equalTo(24))
                .body("parameters.minHoursBetweenTitrations.transdermalFentanyl", equalTo(72))
                .body("parameters.minHoursBetweenTitrations.methadone", equalTo(168))
                .body("parameters.rescueFractionTarget", equalTo(0.15f))
                .body("parameters.btpEpisodesTitrateThreshold", equalTo(3))
                .body("parameters.rotationReductionPct", equalTo(25))
                .body("parameters.stepDownStableDays", equalTo(7))
                .body("parameters.stepDownReductionPct", equalTo(20))
                .body("parameters.refractoryOmeddThresholdMg", equalTo(200))
                .body("parameters.acuteCauseSuppressionDays", equalTo(7))
                .body("parameters.stalenessHours", equalTo(72))
                .body("parameters.mmeFactorProfile", equalTo("CDC_2022"))
                .body("rules.ruleId", hasItem("LAD-04"))
                .body("rules.find { it.ruleId == 'LAD-04' }.type", equalTo("ESCALATE_TO_STEP_3"))
                .body("rules.find { it.ruleId == 'LAD-04' }.source", equalTo("WHO 2018; NCCN (opioid-naive titration)"))
                .body("rules.find { it.ruleId == 'SAF-01' }.type", equalTo("TITRATE_DOSE"))
                .body("rules.find { it.ruleId == 'INT-04' }.type", equalTo("TREAT_UNDERLYING_CAUSE"))
                .body("rules", hasSize(RuleId.values().length))
                .body("choices", not(emptyIterable()));
    }

    @Test
    void thePolicyListsTheClinicalSafetyRulesOf2026_12WithTheirSources() {
        as("clinician").get(POLICY).then().statusCode(200)
                .body("parameters.safetyBlockHours", equalTo(48))
                .body("parameters.neurotoxicityReductionPct", equalTo(30))
                .body("parameters.refractoryMinDaysShortPrognosis", equalTo(7))
                .body("rules.ruleId", hasItems("SAF-03", "ORG-01", "RF-01", "RF-02", "RF-03", "INT-05", "ADJ-03",
                        "TOL-01", "RSC-03", "LAD-09"))
                .body("rules.find { it.ruleId == 'SAF-03' }.source", containsString("Stone & Minton 2011"))
                .body("rules.find { it.ruleId == 'ORG-01' }.source", containsString("King et al. 2011"))
                .body("rules.find { it.ruleId == 'RF-01' }.source", equalTo("NICE NG234 (2023)"))
                .body("rules.find { it.ruleId == 'INT-05' }.type", equalTo("REFER_INTERVENTIONAL"))
                .body("rules.find { it.ruleId == 'ADJ-03' }.source", equalTo("NCCN; EAPC 2012"));
    }

    @ParameterizedTest(name = "{0} reads the policy")
    @ValueSource(strings = {"ehr", "clinician", "palliative", "auditor", "admin"})
    void everyRoleReadsThePolicy(String role) {
        as(role).get(POLICY).then().statusCode(200);
    }

    @Test
    void withoutATokenThePolicyIs401() {
        given().get(POLICY).then().statusCode(401);
    }
}
