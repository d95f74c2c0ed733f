package org.painladder.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnexpectedFailureTest {

    @Test
    void unexpectedFailureIs500ProblemWithCorrelationIdAndNoInternals() {
        ApiFixtures.as("admin").header("X-Correlation-Id", "fail-42").get("/api/v1/test-only/failure")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", endsWith("/internal-error"))
                .body("correlationId", equalTo("fail-42"))
                .body("detail", containsString("fail-42"))
                .body(not(containsString("SELECT")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("org.painladder")))
                .body(not(containsString("\tat ")));
    }
}
