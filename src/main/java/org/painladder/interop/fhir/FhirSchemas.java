package org.painladder.interop.fhir;

import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * How the published contract describes the FHIR R4 JSON the /fhir endpoints and CDS Hooks carry. The bodies are
 * read and written by HAPI FHIR, not by these classes: they only give a generated client an object with its
 * resourceType instead of a string, every other element allowed (as FHIR defines it, linked from each).
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
                    @SchemaProperty(name = "id", type = SchemaType.STRING),
                    @SchemaProperty(name = "meta", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class)})
    public static final class Resource {
        private Resource() {
        }
    }

    @Schema(name = "FhirBundle", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            requiredProperties = {"resourceType", "type"},
            description = "A FHIR R4 Bundle: a transaction or collection of MedicationRequests sent here, a"
                    + " transaction-response or searchset answered",
            externalDocs = @ExternalDocumentation(description = "FHIR R4 Bundle",
                    url = "https://hl7.org/fhir/R4/bundle.html"),
            properties = {
                    @SchemaProperty(name = "resourceType", type = SchemaType.STRING, enumeration = "Bundle"),
                    @SchemaProperty(name = "id", type = SchemaType.STRING),
                    @SchemaProperty(name = "identifier", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class,
                            description = "system and value: a resent Bundle with the same identifier is answered"
                                    + " as the first time"),
                    @SchemaProperty(name = "type", type = SchemaType.STRING, enumeration = {"transaction",
                            "transaction-response", "collection", "searchset"}),
                    @SchemaProperty(name = "total", type = SchemaType.INTEGER),
                    @SchemaProperty(name = "link", type = SchemaType.ARRAY, implementation = Object.class),
                    @SchemaProperty(name = "entry", type = SchemaType.ARRAY, implementation = BundleEntry.class)})
    public static final class Bundle {
        private Bundle() {
        }
    }

    @Schema(name = "FhirBundleEntry", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            properties = {
                    @SchemaProperty(name = "fullUrl", type = SchemaType.STRING),
                    @SchemaProperty(name = "resource", implementation = Resource.class),
                    @SchemaProperty(name = "search", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class),
                    @SchemaProperty(name = "request", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class),
                    @SchemaProperty(name = "response", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class)})
    public static final class BundleEntry {
        private BundleEntry() {
        }
    }

    @Schema(name = "FhirObservation", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            requiredProperties = {"resourceType", "status", "code"},
            description = "A FHIR R4 Observation of pain severity (LOINC 72514-3, valueQuantity 0-10)",
            externalDocs = @ExternalDocumentation(description = "FHIR R4 Observation",
                    url = "https://hl7.org/fhir/R4/observation.html"),
            properties = {
                    @SchemaProperty(name = "resourceType", type = SchemaType.STRING, enumeration = "Observation"),
                    @SchemaProperty(name = "id", type = SchemaType.STRING),
                    @SchemaProperty(name = "identifier", type = SchemaType.ARRAY, implementation = Object.class),
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
                    @SchemaProperty(name = "medicationCodeableConcept", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class),
                    @SchemaProperty(name = "subject", type = SchemaType.OBJECT,
                            additionalProperties = Schema.True.class),
                    @SchemaProperty(name = "dosageInstruction", type = SchemaType.ARRAY,
                            implementation = Object.class)})
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
                    @SchemaProperty(name = "format", type = SchemaType.ARRAY, implementation = String.class),
                    @SchemaProperty(name = "rest", type = SchemaType.ARRAY, implementation = Object.class)})
    public static final class CapabilityStatement {
        private CapabilityStatement() {
        }
    }
}
