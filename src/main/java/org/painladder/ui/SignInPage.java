package org.painladder.ui;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The development users' chooser (prod signs in through the identity provider and never sends anyone here). */
@Path("/ui/sign-in")
public class SignInPage {

    private final Instance<DevelopmentUsers> developmentUsers;

    SignInPage(Instance<DevelopmentUsers> developmentUsers) {
        this.developmentUsers = developmentUsers;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signIn(@QueryParam("failed") boolean failed) {
        return DashboardPages.signIn(developmentUsers.isResolvable() ? DevelopmentUsers.USERS : List.of(), failed);
    }
}
