package org.painladder.interop.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What this FHIR endpoint can do, and nothing more: create, read and search-by-subject of pain Observations; a
 * transaction of MedicationRequests posted to replace a regimen; search and read of the regimen in force as MedicationRequests. JSON
 * only.
 */
@ApplicationScoped
class CapabilityStatements {

    CapabilityStatement of(String base) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.setPublisher("painladder");
        statement.getSoftware().setName("painladder");
        statement.getImplementation().setDescription("painladder pain-severity Observations and analgesic regimens")
                .setUrl(base);
        statement.addFormat("application/fhir+json");
        statement.addFormat("json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("OAuth2 bearer token (RS256 JWT); roles in the groups claim. This"
                + " CapabilityStatement (GET metadata) is read without one.");
        // A posted Bundle is not stored: it is a transaction that replaces the regimen, a system-level interaction.
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("POST to the base (or to Bundle) a transaction Bundle of the patient's active"
                        + " MedicationRequests, each entry.request a POST to MedicationRequest or a PUT to"
                        + " MedicationRequest/{id}, to replace the regimen; idempotent on Bundle.identifier");
        String subject = "Patient/{id}, {id} or [base]/Patient/{id}; required (also as subject:Patient or patient)";
        CapabilityStatement.CapabilityStatementRestResourceComponent observation = rest.addResource()
                .setType("Observation")
                .setProfile("http://hl7.org/fhir/StructureDefinition/Observation");
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE)
                .setDocumentation("LOINC 72514-3, status final; sent again under the same identifier with status"
                        + " amended or corrected it replaces the value stored, with entered-in-error it retracts it");
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ)
                .setDocumentation("a retracted Observation is read with status entered-in-error");
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE)
                .setDocumentation("retracted (entered-in-error) Observations are left out");
        observation.addSearchParam().setName("subject").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation(subject);
        observation.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("the same as subject");
        observation.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("page size 1-200, default 50");
        observation.addSearchParam().setName(FhirSearches.PAGE_OFFSET).setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("matches before the page, a multiple of _count; the Bundle's paging links carry it");
        CapabilityStatement.CapabilityStatementRestResourceComponent medicationRequest = rest.addResource()
                .setType("MedicationRequest")
                .setProfile("http://hl7.org/fhir/StructureDefinition/MedicationRequest");
        medicationRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ)
                .setDocumentation("a line of the regimen in force, by the id a search gave");
        medicationRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        medicationRequest.addSearchParam().setName("subject").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation(subject + ". The regimen in force, one active MedicationRequest a line");
        medicationRequest.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("the same as subject");
        return statement;
    }
}
