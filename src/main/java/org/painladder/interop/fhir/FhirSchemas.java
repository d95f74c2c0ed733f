package org.painladder.interop.fhir;

import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * How the published contract describes the FHIR R4 JSON the /fhir endpoints and CDS Hooks carry. The bodies are
 * read and written by HAPI FHIR, not by these classes: they only give a generated client an object with its
 * resourceType instead of a string, every other element allowed (as FHIR defines it, linked from each). Only the
 * elements a client sets anyway are named, and no optional object or array: a generated client starts those empty
 * and would send {} or [], which FHIR JSON does not allow (and a collection's entry.request is refused here).
 */
public final class FhirSchemas {

    private FhirSchemas() {
    }

    @Schema(name = "FhirResource", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            requiredProperties = "resourceType",
            description = "A FHIR R4 resource in its JSON form; the elements of its resourceType are as FHIR R4"
                    + " defines them",
            externalDocs = @ExternalDocumentation(description = "FHIR R4 resources (JSON)",
                    url = "https://hl7.org/fhir/R4/json.html"),
            properties = {
                    @SchemaProperty(name = "resourceType", type = SchemaType.STRING, example = "Patient"),
                    @SchemaProperty(name = "id", type = SchemaType.STRING)})
    public static final class Resource {
        private Resource() {
        }
    }

    @Schema(name = "FhirBundle", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            requiredProperties = {"resourceType", "type"},
            description = "A FHIR R4 Bundle: a transaction or collection of MedicationRequests sent here (its"
                    + " identifier makes a resend idempotent), a transaction-response or searchset answered",
            externalDocs = @ExternalDocumentation(description = "FHIR R4 Bundle",
                    url = "https://hl7.org/fhir/R4/bundle.html"),
            properties = {
                    @SchemaProperty(name = "resourceType", type = SchemaType.STRING, enumeration = "Bundle"),
                    @SchemaProperty(name = "id", type = SchemaType.STRING),
                    @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = {"transaction",
                            "transaction-response", "collection", "searchset"}),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "entry", type = SchemaType.ARRAY, implementation = BundleEntry.class)})
    public static final class Bundle {
        private Bundle() {
        }
    }

    @Schema(name = "FhirBundleEntry", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            properties = {
                    @SchemaProperty(name = "fullUrl", type = SchemaType.STRING),
                    @SchemaProperty(name = "resource", implementation = Resource.class)})
    public static final class BundleEntry {
        private BundleEntry() {
        }
    }

    @Schema(name = "FhirObservation", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            requiredProperties = {"resourceType", "status", "code"},
            description = "A FHIR R4 Observation of pain severity (LOINC 72514-3, valueQuantity 0-10); its first"
                    + " identifier makes a resend idempotent",
            externalDocs = @ExternalDocumentation(description = "FHIR R4 Observation",
                    url = "https://hl7.org/fhir/R4/observation.html"),
            properties = {
                    @SchemaProperty(name = "resourceType", type = SchemaType.STRING, enumeration = "Observation"),
                    @SchemaProperty(name = "id", type = SchemaType.STRING),
                    @SchemaProperty(name = "status", type = SchemaType.STRING, example = "final"),
                    @SchemaProperty(name = "code", type = SchemaType.OBJECT, additionalProperties = Schema.True.class),
                    @SchemaProperty(name = "subject", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class),
                    @SchemaProperty(name = "effectiveDateTime", type = SchemaType.STRING, format = "date-time"),
                    @SchemaProperty(name = "valueQuantity", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class)})
    public static final class Observation {
        private Observation() {
        }
    }

    @Schema(name = "FhirMedicationRequest", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            requiredProperties = {"resourceType", "status", "intent", "subject"},
            description = "A FHIR R4 MedicationRequest: one line of the regimen",
            externalDocs = @ExternalDocumentation(description = "FHIR R4 MedicationRequest",
                    url = "https://hl7.org/fhir/R4/medicationrequest.html"),
            properties = {
                    @SchemaProperty(name = "resourceType", type = SchemaType.STRING,
                            enumeration = "MedicationRequest"),
                    @SchemaProperty(name = "id", type = SchemaType.STRING),
                    @SchemaProperty(name = "status", type = SchemaType.STRING, example = "active"),
                    @SchemaProperty(name = "intent", type = SchemaType.STRING, example = "order"),
                    @SchemaProperty(name = "subject", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class)})
    public static final class MedicationRequest {
        private MedicationRequest() {
        }
    }

    @Schema(name = "FhirCapabilityStatement", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            requiredProperties = {"resourceType", "status", "fhirVersion", "format"},
            description = "What this FHIR R4 server supports",
            externalDocs = @ExternalDocumentation(description = "FHIR R4 CapabilityStatement",
                    url = "https://hl7.org/fhir/R4/capabilitystatement.html"),
            properties = {
                    @SchemaProperty(name = "resourceType", type = SchemaType.STRING,
                            enumeration = "CapabilityStatement"),
                    @SchemaProperty(name = "status", type = SchemaType.STRING),
                    @SchemaProperty(name = "fhirVersion", type = SchemaType.STRING, example = "4.0.1"),
                    @SchemaProperty(name = "format", type = SchemaType.ARRAY, implementation = String.class)})
    public static final class CapabilityStatement {
        private CapabilityStatement() {
        }
    }
}
