package org.painladder.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's production sign-in: the OIDC authorization-code flow against a WireMock identity provider (no
 * container), with the prod profile's mechanism choice. The API beside it still takes bearer tokens only.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.ProductionSignIn.class)
@WithTestResource(OidcWiremockTestResource.class)
class OidcSignInTest {

    /** What %prod sets for the dashboard, pointed at the WireMock provider. */
    public static class ProductionSignIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.auth.permission.dashboard.auth-mechanism", "code",
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "secret");
        }
    }

    private static final Pattern HIDDEN = Pattern.compile("id=\"(state|redirect_uri)\" name=\"[^\"]+\" value=\"([^\"]*)\"");

    @Test
    void aSignedOutPageViewStartsTheAuthorizationCodeFlow() {
        String provider = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        Response challenge = given().redirects().follow(false).get("/ui/worklist");
        assertEquals(302, challenge.statusCode());
        String location = challenge.getHeader("Location");
        assertTrue(location.startsWith(provider + "/realms/quarkus"), location);
        assertTrue(location.contains("response_type=code") && location.contains("client_id=quarkus-web-app")
                && location.contains("state="), location);
    }

    @Test
    void theProvidersCodeOpensASessionWithItsRoles() {
        Map<String, String> cookies = new HashMap<>();
        Response challenge = given().redirects().follow(false).get("/ui/worklist");
        cookies.putAll(challenge.getCookies());
        // The provider's login page, then its redirect back to the dashboard with a code.
        String loginPage = given().redirects().follow(false).get(challenge.getHeader("Location")).asString();
        Map<String, String> hidden = new HashMap<>();
        Matcher field = HIDDEN.matcher(loginPage);
        while (field.find()) {
            hidden.put(field.group(1), URLDecoder.decode(field.group(2).replace("&amp;", "&"), StandardCharsets.UTF_8));
        }
        String provider = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        String back = given().redirects().follow(false).queryParam("state", hidden.get("state"))
                .queryParam("redirect_uri", hidden.get("redirect_uri")).queryParam("username", "alice")
                .queryParam("password", "alice").get(provider.replace("/auth", "") + "/login").getHeader("Location");
        assertNotNull(back, "the provider sends the browser back with a code");
        Response signedIn = given().redirects().follow(false).cookies(cookies).get(back);
        assertEquals(302, signedIn.statusCode(), back + " " + signedIn.asString());
        cookies.putAll(signedIn.getCookies());
        given().redirects().follow(false).cookies(cookies).get("/ui/worklist").then().statusCode(200)
                .body(containsString("id=\"worklist-table\""), containsString("id=\"signed-in-as\""));
        // The session is the dashboard's only: the API still wants a bearer token.
        given().redirects().follow(false).cookies(cookies).get("/api/v1/refractory-cases").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }
}
