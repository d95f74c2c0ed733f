package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics is served without a token: a request no resource answered must not leave its raw path there as a uri
 * label, which would grow one series per path sent and show the identifiers in them.
 */
@QuarkusTest
class MetricsUriLabelsTest {

    @Test
    void requestsAnsweredBeforeAnyResourceLeaveNoRawPathInTheMetrics() throws IOException {
        given().request("TRACE", "/api/v1/patients/ANYTHING-1").then().statusCode(greaterThanOrEqualTo(400));
        assertTrue(rawRequestLine("GET /api/v1/leak-1/%zz HTTP/1.1").startsWith("HTTP/1.1 4"));
        given().get("/api/v1/leak-2/unknown-path").then().statusCode(greaterThanOrEqualTo(400));
        // OPTIONS is answered at the edge, before any resource: counted under the path's template.
        given().options("/api/v1/patients/leak-3-options").then().statusCode(204);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(not(containsString("ANYTHING-1")))
                .body(not(containsString("leak-1")))
                .body(not(containsString("leak-2")))
                .body(not(containsString("leak-3")))
                .body(containsString("uri=\"/api/v1/patients/{id}\""));
    }

    /** A request line no HTTP client library would send (an undecodable escape), and the status line answered. */
    private static String rawRequestLine(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
