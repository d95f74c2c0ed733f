package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics is served without a token: a request no resource answered must not leave its raw path there as a uri
 * label, which would grow one series per path sent and show the identifiers in them.
 */
@QuarkusTest
class MetricsUriLabelsTest {

    @Test
    void requestsRefusedBeforeAnyResourceLeaveNoRawPathInTheMetrics() {
        given().request("TRACE", "/api/v1/patients/ANYTHING-1").then().statusCode(greaterThanOrEqualTo(400));
        given().urlEncodingEnabled(false).get("/api/v1/leak-1/%zz").then().statusCode(greaterThanOrEqualTo(400));
        given().get("/api/v1/leak-2/unknown-path").then().statusCode(greaterThanOrEqualTo(400));

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(not(containsString("ANYTHING-1")))
                .body(not(containsString("leak-1")))
                .body(not(containsString("leak-2")));
    }
}
