package org.painladder.api;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client that sends a request on a socket of its own and hangs up without reading the answer, as an EHR does when
 * its own timeout fires: what the service does with a request whose answer nobody receives.
 */
public final class HungUpClient {

    private HungUpClient() {
    }

    /** Sends the request as {@code role}, with any extra header lines, waits {@code millis}, then closes. */
    public static void send(String method, String pathAndQuery, String role, String extraHeaders, String jsonBody,
                            long millis) throws IOException, InterruptedException {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        sendPart(method, pathAndQuery, role, extraHeaders, jsonBody, body.length, millis);
    }

    /**
     * Like {@link #send}, but sends only the first {@code bodyBytesSent} bytes of the body its Content-Length
     * announces: a client that hangs up halfway through its body.
     */
    public static void sendPart(String method, String pathAndQuery, String role, String extraHeaders, String jsonBody,
                                int bodyBytesSent, long millis) throws IOException, InterruptedException {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.forRole(role) + "\r\n" + extraHeaders
                    + (jsonBody == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, bodyBytesSent);
            out.flush();
            Thread.sleep(millis);
        }
    }
}
