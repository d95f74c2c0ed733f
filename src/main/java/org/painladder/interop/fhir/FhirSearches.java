package org.painladder.interop.fhir;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.painladder.api.Paging;

/**
 * What R4 search asks of every searchable type here: the patient named by any reference form of subject or patient,
 * unknown parameters ignored unless the client prefers strict handling, and links that list what was applied.
 */
final class FhirSearches {

    static final String SUBJECT = "subject";
    static final String SUBJECT_PATIENT = "subject:Patient";
    static final String PATIENT = "patient";
    static final String SUBJECT_DESCRIPTION = "The patient: Patient/{id}, {id} or [base]/Patient/{id}";
    static final String PATIENT_ID_DESCRIPTION = "The patient's id, in place of subject";
    /** The paging parameter: how many matches come before the page (HAPI's name for it). */
    static final String PAGE_OFFSET = "_getpagesoffset";
    private static final List<String> PATIENT_PARAMETERS = List.of(SUBJECT, SUBJECT_PATIENT, PATIENT);
    private static final Set<String> ALWAYS_KNOWN = Set.of("_format");

    private FhirSearches() {
    }

    /**
     * The patient the search is about, named by {@code subject}, {@code subject:Patient} or {@code patient} (each
     * declared as a single-valued query parameter, so that {@code KnownQueryParameters} refuses one given twice):
     * {@code Patient/{id}}, {@code {id}} or {@code [base]/Patient/{id}}. Empty when the reference can name no patient
     * here (an id not issued here, another server's base): R4 then matches nothing.
     */
    static Optional<UUID> patient(UriInfo uriInfo, String subject, String subjectPatient, String patient) {
        Set<String> references = new LinkedHashSet<>();
        for (String reference : new String[] {subject, subjectPatient, patient}) {
            if (reference != null) {
                references.add(reference);
            }
        }
        if (references.isEmpty()) {
            throw Paging.badParameter(SUBJECT, "is required as Patient/{id} (or patient={id})");
        }
        if (references.size() > 1) {
            throw Paging.badParameter(SUBJECT, "names more than one patient; a search here is one patient's");
        }
        String reference = references.iterator().next().trim();
        String base = uriInfo.getBaseUriBuilder().path("fhir/r4/").build().toString();
        if (reference.startsWith(base)) {
            reference = reference.substring(base.length());
        }
        if (reference.startsWith("Patient/")) {
            reference = reference.substring("Patient/".length());
        }
        try {
            return Optional.of(UUID.fromString(reference));
        } catch (IllegalArgumentException notAnIdIssuedHere) {
            return Optional.empty();
        }
    }

    /** R4 ignores parameters a server does not know, unless the client sends Prefer: handling=strict. */
    static void refuseUnknownWhenStrict(UriInfo uriInfo, HttpHeaders headers, Set<String> known) {
        boolean strict = headers.getRequestHeader("Prefer").stream()
                .flatMap(prefer -> List.of(prefer.split("[,;]")).stream())
                .anyMatch(preference -> preference.trim().equalsIgnoreCase("handling=strict"));
        if (!strict) {
            return;
        }
        uriInfo.getQueryParameters().keySet().stream().sorted()
                .filter(name -> !known.contains(name) && !PATIENT_PARAMETERS.contains(name)
                        && !ALWAYS_KNOWN.contains(name))
                .findFirst().ifPresent(name -> {
                    throw Paging.badParameter(name, "is not a search parameter here (Prefer: handling=strict)");
                });
    }

    /** A link to the search with only the parameters applied, the patient as Patient/{id}. */
    static void link(Bundle bundle, String relation, UriInfo uriInfo, String type, Optional<UUID> patientId,
                     Integer count, Integer offset) {
        UriBuilder uri = uriInfo.getBaseUriBuilder().path("fhir/r4").path(type);
        patientId.ifPresent(id -> uri.queryParam("subject", "Patient/" + id));
        if (count != null) {
            uri.queryParam("_count", count);
        }
        if (offset != null) {
            uri.queryParam(PAGE_OFFSET, offset);
        }
        bundle.addLink().setRelation(relation).setUrl(uri.build().toString());
    }
}
