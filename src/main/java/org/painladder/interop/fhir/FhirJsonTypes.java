package org.painladder.interop.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimePrimitiveDatatypeDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;

/**
 * FHIR JSON writes integers and decimals as JSON numbers, booleans as true/false and every other primitive as a
 * string (FHIR R4 json.html). HAPI's parser reads "4" as valueInteger 4 and 4 as a status; here either is refused,
 * naming the element, as the API refuses a coerced value (api.md "Strict input"). The model's own definitions say
 * which element has which type, so every element of the resource is checked, not a list kept by hand.
 */
final class FhirJsonTypes {

    /** A FHIRPath-like location and what its value must be. */
    record WrongType(String element, String expected) {
    }

    /** FHIR element names, and _name for a primitive's id and extensions; HAPI fails on others (even on ""). */
    private static final Pattern ELEMENT_NAME = Pattern.compile("_?[A-Za-z][A-Za-z0-9_]{0,63}");

    private FhirJsonTypes() {
    }

    static Optional<WrongType> firstWrongType(FhirContext context, String resourceType, JsonNode resource) {
        if (!resource.isObject()) {
            return Optional.of(new WrongType(resourceType, "a JSON object"));
        }
        return composite(context.getResourceDefinition(resourceType), resource, resourceType);
    }

    private static Optional<WrongType> composite(BaseRuntimeElementCompositeDefinition<?> definition, JsonNode object,
                                                 String path) {
        Iterator<Map.Entry<String, JsonNode>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            if (!ELEMENT_NAME.matcher(name).matches()) {
                return Optional.of(new WrongType(path, "an object whose members are FHIR element names"));
            }
            BaseRuntimeChildDefinition child = name.startsWith("_") || "resourceType".equals(name) ? null
                    : definition.getChildByName(name);
            BaseRuntimeElementDefinition<?> element = child == null ? null : child.getChildByName(name);
            if (element == null) {
                // Unknown elements, extensions of primitives and contained resources are HAPI's to judge.
                continue;
            }
            JsonNode value = member.getValue();
            Optional<WrongType> wrong = value.isArray() ? items(element, value, path + "." + name)
                    : one(element, value, path + "." + name);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<WrongType> items(BaseRuntimeElementDefinition<?> element, JsonNode array, String path) {
        for (int index = 0; index < array.size(); index++) {
            Optional<WrongType> wrong = one(element, array.get(index), path + "[" + index + "]");
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<WrongType> one(BaseRuntimeElementDefinition<?> element, JsonNode value, String path) {
        if (value.isNull()) {
            return Optional.of(new WrongType(path, "a value (FHIR JSON has no null)"));
        }
        if (element instanceof RuntimePrimitiveDatatypeDefinition primitive) {
            Class<?> type = primitive.getImplementingClass();
            if (IntegerType.class.isAssignableFrom(type) || DecimalType.class.isAssignableFrom(type)) {
                return value.isNumber() ? Optional.empty() : Optional.of(new WrongType(path, "a JSON number"));
            }
            if (BooleanType.class.isAssignableFrom(type)) {
                return value.isBoolean() ? Optional.empty() : Optional.of(new WrongType(path, "true or false"));
            }
            return value.isTextual() ? Optional.empty() : Optional.of(new WrongType(path, "a JSON string"));
        }
        if (element instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
            return value.isObject() ? composite(composite, value, path) : Optional.of(new WrongType(path, "a JSON object"));
        }
        return Optional.empty();
    }
}
