package org.painladder.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditAction;

/**
 * What a request touches, read from its resource method's path template rather than from each resource, so that
 * every endpoint is audited the day it is added: the action from the HTTP method, the resource type from the last
 * collection in the template, the resource id from the parameter after it (or from the {@code Location} of a create),
 * and the patient from the parameter after {@code patients} (or a {@code patientId} / {@code subject=Patient/{id}}
 * query parameter).
 */
public record AuditTarget(AuditAction action, String resourceType, String resourceId, UUID patientId) {

    /** Leading segments that name the API or the dashboard, not a resource: a page is audited as the API read it shows. */
    private static final Set<String> PREFIXES = Set.of("api", "v1", "fhir", "r4", "ui");
    /** POST sub-paths that decide on a resource rather than create one (CDS Hooks feedback decides a card). */
    private static final Set<String> DECISIONS = Set.of("accept", "reject", "transitions", "feedback");
    /** Collections whose POST asks a question and stores nothing: a CDS Hooks call reads the patient's data. */
    private static final Set<String> READ_BY_POST = Set.of("cds-services");
    private static final Set<String> PATIENT_COLLECTIONS = Set.of("patients", "Patient");

    public static AuditTarget of(String method, String template, Map<String, String> pathValues,
                                 Map<String, List<String>> query, URI location) {
        String resourceType = null;
        String resourceId = null;
        UUID patientId = null;
        boolean decision = false;
        boolean afterParameter = false;
        boolean inPrefix = true;
        for (String segment : template.split("/")) {
            if (segment.isEmpty() || (inPrefix && PREFIXES.contains(segment))) {
                continue;
            }
            inPrefix = false;
            if (segment.startsWith("{")) {
                String value = pathValues.get(parameterName(segment));
                resourceId = value;
                if (PATIENT_COLLECTIONS.contains(resourceType)) {
                    patientId = uuidOrNull(value);
                }
                afterParameter = true;
            } else if ("POST".equals(method) && DECISIONS.contains(segment)) {
                decision = true;
            } else if (resourceType == null || afterParameter) {
                // A literal right after another literal is a view of the same resource (regimen/history, audit-events/verify).
                resourceType = segment;
                resourceId = null;
                afterParameter = false;
            }
        }
        AuditAction action = decision ? AuditAction.DECIDE
                : resourceType != null && READ_BY_POST.contains(resourceType) ? AuditAction.READ : actionOf(method);
        if (action == AuditAction.CREATE && location != null) {
            String path = location.getPath();
            resourceId = path.substring(path.lastIndexOf('/') + 1);
            if (PATIENT_COLLECTIONS.contains(resourceType)) {
                patientId = uuidOrNull(resourceId);
            }
        }
        if (patientId == null) {
            patientId = patientInQuery(query);
        }
        return new AuditTarget(action, resourceType == null ? "root" : resourceType, bounded(resourceId), patientId);
    }

    /**
     * A path value longer than the audited resource id names no stored resource (ids are far shorter), but the attempt
     * must still be recorded: its beginning is, marked as cut.
     */
    private static String bounded(String resourceId) {
        if (resourceId == null || resourceId.length() <= Access.RESOURCE_ID_LENGTH) {
            return resourceId;
        }
        int end = Access.RESOURCE_ID_LENGTH - 1;
        return resourceId.substring(0, Character.isHighSurrogate(resourceId.charAt(end - 1)) ? end - 1 : end) + "\u2026";
    }

    public AuditTarget concerning(UUID patient) {
        return patient == null ? this : new AuditTarget(action, resourceType, resourceId, patient);
    }

    /** The target with the action the resource said it took, or as it is when it said none. */
    public AuditTarget doing(AuditAction taken) {
        return taken == null ? this : new AuditTarget(taken, resourceType, resourceId, patientId);
    }

    private static AuditAction actionOf(String method) {
        return switch (method) {
            case "POST" -> AuditAction.CREATE;
            case "PUT", "PATCH" -> AuditAction.UPDATE;
            case "DELETE" -> AuditAction.DELETE;
            default -> AuditAction.READ;
        };
    }

    private static String parameterName(String segment) {
        String name = segment.substring(1, segment.length() - 1);
        int regex = name.indexOf(':');
        return (regex < 0 ? name : name.substring(0, regex)).trim();
    }

    private static UUID patientInQuery(Map<String, List<String>> query) {
        List<String> patientIds = query.get("patientId");
        if (patientIds != null && patientIds.size() == 1) {
            return uuidOrNull(patientIds.get(0));
        }
        List<String> subjects = query.get("subject");
        if (subjects != null && subjects.size() == 1 && subjects.get(0).startsWith("Patient/")) {
            return uuidOrNull(subjects.get(0).substring("Patient/".length()));
        }
        return null;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
