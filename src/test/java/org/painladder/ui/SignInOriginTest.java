package org.painladder.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Login CSRF: another site's page must not sign a visitor's browser in to the dashboard as a user of its choosing
 * (whose actions the visitor would then take in that name). A sign-in posted from another origin is refused; the
 * sign-in page's own form, and a script that sends no Origin, sign in as before.
 */
@QuarkusTest
class SignInOriginTest {

    private static RequestSpecification signIn() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "development");
    }

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedWithoutASession() {
        for (RequestSpecification crossSite : new RequestSpecification[] {
                signIn().header("Origin", "https://attacker.example"),
                signIn().header("Origin", "null"),
                signIn().header("Origin", "http://localhost:" + (RestAssured.port + 1)),
                signIn().header("Referer", "https://attacker.example/login-csrf.html"),
                signIn().header("Origin", ownOrigin()).header("Sec-Fetch-Site", "cross-site")}) {
            Response answer = crossSite.post("/ui/j_security_check");
            answer.then().statusCode(403);
            assertNull(answer.getDetailedCookie("quarkus-credential"));
        }
    }

    @Test
    void theSignInPagesOwnFormAndAScriptSignIn() {
        for (RequestSpecification ownForm : new RequestSpecification[] {
                signIn().header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin"),
                signIn().header("Referer", ownOrigin() + "/ui/sign-in"),
                signIn()}) {
            Response answer = ownForm.post("/ui/j_security_check");
            answer.then().statusCode(302);
            assertNotNull(answer.getDetailedCookie("quarkus-credential"));
        }
    }
}
