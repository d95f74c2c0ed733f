package org.painladder.ui;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session on the dashboard for REST Assured: signed in as a development user, carrying the session cookie
 * and, once a page with a form was read, that form's CSRF token and cookie.
 */
final class DashboardSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;

    private DashboardSession() {
    }

    /** Signs in the way the sign-in page's form does. */
    static DashboardSession signedInAs(String user) {
        DashboardSession session = new DashboardSession();
        Response answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", "development").post("/ui/j_security_check");
        if (answer.statusCode() != 302 || answer.getDetailedCookie("quarkus-credential") == null) {
            throw new IllegalStateException("sign-in as " + user + " answered " + answer.statusCode() + " "
                    + answer.getHeader("Location"));
        }
        session.cookies.putAll(answer.getCookies());
        return session;
    }

    RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    /** Reads a page and keeps the CSRF token its forms carry. */
    Response page(String path) {
        Response answer = request().get(path);
        Matcher field = CSRF_FIELD.matcher(answer.asString());
        if (field.find()) {
            csrfToken = field.group(1);
            cookies.putAll(answer.getCookies());
        }
        return answer;
    }

    /** Posts a form as the page's own form would, with its CSRF token. */
    RequestSpecification form() {
        if (csrfToken == null) {
            throw new IllegalStateException("read a page with a form first");
        }
        return request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrfToken);
    }

    /** Posts a form without the token a page would have given it, as a cross-site form would. */
    RequestSpecification formWithoutToken() {
        return request().contentType("application/x-www-form-urlencoded");
    }
}
