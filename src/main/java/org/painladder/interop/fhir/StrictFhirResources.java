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
 * Every FHIR resource posted here is read the same way, so that a Bundle's MedicationRequest is held to what an
 * Observation is (api.md "Strict input"): first the JSON types of every element, contained resources included
 * ({@link FhirJsonTypes}), then HAPI's strict parser. Either failure is a 400 OperationOutcome naming the element.
 */
@ApplicationScoped
class StrictFhirResources {

    private final FhirContext fhirContext;
    private final ObjectMapper objectMapper;

    StrictFhirResources(FhirContext fhirContext, ObjectMapper objectMapper) {
        this.fhirContext = fhirContext;
        this.objectMapper = objectMapper;
    }

    <T extends IBaseResource> T parse(Class<T> type, String body) {
        String resourceType = fhirContext.getResourceType(type);
        String json = Objects.requireNonNullElse(body, "");
        try {
            JsonNode tree = objectMapper.readTree(json);
            FhirJsonTypes.firstWrongType(fhirContext, resourceType, tree).ifPresent(wrong -> {
                throw new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(
                        wrong.element() + " must be " + wrong.expected(),
                        List.of(new Problem.FieldViolation(wrong.element(), "must be " + wrong.expected())))
                        .toResponse());
            });
        } catch (JsonProcessingException unparsable) {
            throw UnparsableResourceException.from(resourceType, null);
        }
        try {
            return fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(type, json);
        } catch (DataFormatException | IllegalArgumentException unparsable) {
            throw UnparsableResourceException.from(resourceType, unparsable.getMessage());
        } catch (RuntimeException parserFailure) {
            // HAPI fails in other ways on odd shapes it does not expect; the body is what is wrong, not the service.
            throw UnparsableResourceException.from(resourceType, null);
        }
    }
}
