package org.painladder.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Ends every operation's description with "Roles: …", the roles its {@code @RolesAllowed} lets in (Quarkus turns the
 * annotation into the operation's security requirement), so the published roles matrix cannot drift from the code.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RolesDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values()
                .forEach(item -> item.getOperations().values().forEach(RolesDocumentation::document));
    }

    private static void document(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.isEmpty()) {
            return;
        }
        List<String> roles = security.get(0).getSchemes().values().stream().flatMap(List::stream).distinct().toList();
        if (roles.isEmpty()) {
            return;
        }
        String line = "Roles: " + String.join(", ", roles) + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
    }
}
