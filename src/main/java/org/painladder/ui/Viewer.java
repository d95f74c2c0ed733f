package org.painladder.ui;

import io.quarkus.security.identity.SecurityIdentity;
import org.painladder.security.Roles;

/**
 * Who is looking at a page, and which of its forms they may use: the same roles as the API operations the forms call
 * (moving a case: palliative or admin; deciding advice: clinician, palliative or admin).
 */
public record Viewer(String name, String roles, boolean canMoveCases, boolean canDecide) {

    static Viewer of(SecurityIdentity identity) {
        return new Viewer(identity.getPrincipal().getName(), String.join(", ", identity.getRoles().stream().sorted()
                .toList()), identity.hasRole(Roles.PALLIATIVE) || identity.hasRole(Roles.ADMIN),
                identity.hasRole(Roles.CLINICIAN) || identity.hasRole(Roles.PALLIATIVE) || identity.hasRole(Roles.ADMIN));
    }
}
