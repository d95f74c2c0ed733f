package org.painladder.api.regimen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FormularyApiTest {

    @Test
    void everyRoleReadsTheFormularyWithTheProfileFactors() {
        for (String role : new String[] {"ehr", "clinician", "palliative", "auditor", "admin"}) {
            as(role).get("/api/v1/formulary").then().statusCode(200);
        }
        as("auditor").get("/api/v1/formulary").then()
                .body("factorsUsed", equalTo("CDC_2022 v2022.1.0"))
                .body("profile.code", equalTo("CDC_2022"))
                .body("drugs.size()", greaterThanOrEqualTo(34))
                .body("drugs.code", hasItems("PARACETAMOL", "TRAMADOL", "MORPHINE", "FENTANYL", "BUPRENORPHINE",
                        "GABAPENTIN", "ZOLEDRONIC_ACID", "SENNA"))
                .body("drugs.find { it.code == 'HYDROMORPHONE' }.mmeFactors.ORAL", equalTo(5))
                .body("drugs.find { it.code == 'HYDROMORPHONE' }.mmeFactors.IV", equalTo(20))
                .body("drugs.find { it.code == 'FENTANYL' }.mmeFactors.TRANSDERMAL", equalTo(2.4f))
                .body("drugs.find { it.code == 'FENTANYL' }.units.TRANSDERMAL", equalTo("mcg/h"))
                .body("drugs.find { it.code == 'CODEINE' }.class", equalTo("WEAK_OPIOID"))
                .body("drugs.find { it.code == 'CODEINE' }.ladderStep", equalTo(2))
                .body("drugs.find { it.code == 'CODEINE' }.ceilingDailyDoseMg", equalTo(360))
                .body("drugs.find { it.code == 'PARACETAMOL' }.ceilingDailyDoseMg", equalTo(4000))
                .body("drugs.find { it.code == 'MORPHINE' }.ceilingDailyDoseMg", nullValue())
                .body("drugs.find { it.code == 'GABAPENTIN' }.ladderStep", nullValue())
                .body("drugs.find { it.code == 'BUPRENORPHINE' }.mmeFactors.size()", equalTo(0));
    }

    @Test
    void withoutTokenIs401() {
        given().get("/api/v1/formulary").then().statusCode(401).contentType("application/problem+json");
    }
}
