package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;

/**
 * Every FHIR resource sent here is read the same way, so that a Bundle's MedicationRequest is held to what an
 * Observation is, and a CDS Hooks request's draft orders to what a Bundle posted to /fhir is (api.md "Strict
 * input"): first the JSON types of every element, contained resources included ({@link FhirJsonTypes}), then HAPI's
 * strict parser. Either failure is a 400 naming the element.
 */
@ApplicationScoped
public class StrictFhirResources {

    private final FhirContext fhirContext;
    private final ObjectMapper objectMapper;

    StrictFhirResources(FhirContext fhirContext, ObjectMapper objectMapper) {
        this.fhirContext = fhirContext;
        this.objectMapper = objectMapper;
    }

    /** A resource posted to /fhir as the whole body; refused as an OperationOutcome naming {@code Type.element}. */
    <T extends IBaseResource> T parse(Class<T> type, String body) {
        String resourceType = fhirContext.getResourceType(type);
        String json = Objects.requireNonNullElse(body, "");
        JsonNode tree;
        try {
            tree = objectMapper.readTree(json);
        } catch (JsonProcessingException unparsable) {
            throw UnparsableResourceException.from(resourceType, null);
        }
        checkTypes(resourceType, tree, resourceType);
        return read(type, json);
    }

    /**
     * A resource inside another JSON document (CDS Hooks' {@code context.draftOrders}, a prefetched Patient), refused
     * as a 400 problem naming the element under {@code at}, as the document's own fields are named.
     */
    public <T extends IBaseResource> T parseEmbedded(Class<T> type, JsonNode resource, String at) {
        String resourceType = fhirContext.getResourceType(type);
        checkTypes(resourceType, resource, at);
        try {
            return read(type, resource.toString());
        } catch (UnparsableResourceException unparsable) {
            throw malformed(at, unparsable.element() == null ? "must be a FHIR R4 " + resourceType
                    : unparsable.unknownElement() ? "holds an unknown element " + unparsable.element()
                    : "is not valid FHIR R4 at its element " + unparsable.element());
        }
    }

    /** @param at what the resource's root is called in the answer; its elements follow it */
    private void checkTypes(String resourceType, JsonNode resource, String at) {
        FhirJsonTypes.firstWrongType(fhirContext, resourceType, resource).ifPresent(wrong -> {
            throw malformed(at + wrong.element().substring(resourceType.length()), "must be " + wrong.expected());
        });
    }

    private <T extends IBaseResource> T read(Class<T> type, String json) {
        String resourceType = fhirContext.getResourceType(type);
        try {
            return fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(type, json);
        } catch (DataFormatException | IllegalArgumentException unparsable) {
            throw UnparsableResourceException.from(resourceType, unparsable.getMessage());
        } catch (RuntimeException parserFailure) {
            // HAPI fails in other ways on odd shapes it does not expect; the body is what is wrong, not the service.
            throw UnparsableResourceException.from(resourceType, null);
        }
    }

    private static WebApplicationException malformed(String element, String message) {
        return new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(element + " " + message,
                List.of(new Problem.FieldViolation(element, message))).toResponse());
    }
}
