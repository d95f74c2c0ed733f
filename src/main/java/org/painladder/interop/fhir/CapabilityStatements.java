package org.painladder.interop.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What this FHIR endpoint can do, and nothing more: create, read and search-by-subject of pain Observations; a
 * Bundle of MedicationRequests posted to replace a regimen; search of the regimen as MedicationRequests. JSON only.
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
        rest.getSecurity().setDescription("OAuth2 bearer token (RS256 JWT); roles in the groups claim");
        CapabilityStatement.CapabilityStatementRestResourceComponent observation = rest.addResource()
                .setType("Observation")
                .setProfile("http://hl7.org/fhir/StructureDefinition/Observation");
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        observation.addSearchParam().setName("subject").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Patient/{id}; required");
        observation.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("page size 1-200, default 50");
        CapabilityStatement.CapabilityStatementRestResourceComponent medicationRequest = rest.addResource()
                .setType("MedicationRequest")
                .setProfile("http://hl7.org/fhir/StructureDefinition/MedicationRequest");
        medicationRequest.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        medicationRequest.addSearchParam().setName("subject").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("Patient/{id}; required. The regimen in force, one active MedicationRequest a line");
        CapabilityStatement.CapabilityStatementRestResourceComponent bundle = rest.addResource()
                .setType("Bundle")
                .setProfile("http://hl7.org/fhir/StructureDefinition/Bundle")
                .setDocumentation("POST a transaction or collection Bundle of the patient's active MedicationRequests"
                        + " to replace the regimen; idempotent on Bundle.identifier");
        bundle.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.CREATE);
        return statement;
    }
}
