package org.painladder.ui;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.painladder.security.Roles;

/**
 * Development only: one user per role, signed in on the dashboard by name alone, so that the embedded default and the
 * tests can show every role's view without an identity provider. Never in a production build (the bean is not built
 * there), and refused at run time should the prod profile be active anyway; prod signs in through OIDC.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class DevelopmentUsers implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Each user's name is its role. */
    public static final List<String> USERS = List.of(Roles.PALLIATIVE, Roles.CLINICIAN, Roles.EHR, Roles.AUDITOR,
            Roles.ADMIN);

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return identityOf(request.getUsername());
    }

    static Uni<SecurityIdentity> identityOf(String user) {
        if (ConfigUtils.getProfiles().contains("prod") || !USERS.contains(user)) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user))
                .addRole(user).build());
    }

    /** The session cookie names the user it was issued to; each later page view restores that user from it. */
    @ApplicationScoped
    @UnlessBuildProfile("prod")
    public static class Sessions implements IdentityProvider<TrustedAuthenticationRequest> {

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return identityOf(request.getPrincipal());
        }
    }
}
