package org.painladder.interop.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildExtension;
import ca.uhn.fhir.context.RuntimePrimitiveDatatypeDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.InstantType;
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

    static final String NOT_EMPTY = "a value: FHIR JSON has no empty arrays, objects or strings";

    private static boolean isEmpty(JsonNode value) {
        return value.isContainerNode() ? value.isEmpty() : value.isTextual() && value.textValue().isEmpty();
    }

    /** FHIR element names, and _name for a primitive's id and extensions; HAPI fails on others (even on ""). */
    private static final Pattern ELEMENT_NAME = Pattern.compile("_?[A-Za-z][A-Za-z0-9_]{0,63}");

    /**
     * FHIR R4's own patterns (datatypes.html) for date, dateTime and instant: a four-digit year, and an offset whenever
     * a time is given. HAPI reads a time without an offset in the server's zone and takes years it cannot write back.
     */
    private static final String YEAR = "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)";
    private static final String TIME_AND_OFFSET = "T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?"
            + "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
    private static final String MONTH_DAY = "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])";
    private static final Pattern DATE = Pattern.compile(YEAR + MONTH_DAY + ")?)?");
    private static final Pattern DATE_TIME = Pattern.compile(YEAR + MONTH_DAY + "(" + TIME_AND_OFFSET + ")?)?)?");
    private static final Pattern INSTANT = Pattern.compile(YEAR
            + "-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])" + TIME_AND_OFFSET);
    private static final String TIME_EXPECTED = "a FHIR date or dateTime: a four-digit year, and with a time an offset"
            + " (e.g. 2026-12-07T10:00:00+01:00 or 2026-12-07T09:00:00Z)";

    private FhirJsonTypes() {
    }

    private static boolean isResource(FhirContext context, JsonNode value) {
        return value.isObject() && value.path("resourceType").isTextual()
                && context.getResourceTypes().contains(value.get("resourceType").textValue());
    }

    /** The pattern a primitive of this type must match, for the date and time types. */
    private static Optional<Pattern> timeFormat(Class<?> type) {
        if (InstantType.class.isAssignableFrom(type)) {
            return Optional.of(INSTANT);
        }
        if (DateTimeType.class.isAssignableFrom(type)) {
            return Optional.of(DATE_TIME);
        }
        return DateType.class.isAssignableFrom(type) ? Optional.of(DATE) : Optional.empty();
    }

    static Optional<WrongType> firstWrongType(FhirContext context, String resourceType, JsonNode resource) {
        if (!resource.isObject()) {
            return Optional.of(new WrongType(resourceType, "a JSON object"));
        }
        return composite(context, context.getResourceDefinition(resourceType), resource, resourceType);
    }

    private static Optional<WrongType> composite(FhirContext context, BaseRuntimeElementCompositeDefinition<?> definition,
                                                 JsonNode object, String path) {
        Iterator<Map.Entry<String, JsonNode>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            if (!ELEMENT_NAME.matcher(name).matches()) {
                return Optional.of(new WrongType(path, "an object whose members are FHIR element names"));
            }
            BaseRuntimeChildDefinition child = name.startsWith("_") || "resourceType".equals(name) ? null
                    : definition.getChildByName(name);
            // HAPI's own lookup of modifierExtension fails an assertion (a 500): extensions are HAPI's to judge.
            BaseRuntimeElementDefinition<?> element = child == null || child instanceof RuntimeChildExtension ? null
                    : child.getChildByName(name);
            JsonNode value = member.getValue();
            if (isEmpty(value) || value.isArray() && StreamSupport.stream(value.spliterator(), false)
                    .anyMatch(FhirJsonTypes::isEmpty)) {
                // FHIR JSON has no empty values; HAPI would drop one silently, known element or not.
                return Optional.of(new WrongType(path + "." + name, NOT_EMPTY));
            }
            if (element == null && !isResource(context, value)) {
                // Unknown elements and extensions of primitives are HAPI's to judge.
                continue;
            }
            Optional<WrongType> wrong = value.isArray() ? items(context, element, value, path + "." + name)
                    : one(context, element, value, path + "." + name);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<WrongType> items(FhirContext context, BaseRuntimeElementDefinition<?> element,
                                             JsonNode array, String path) {
        for (int index = 0; index < array.size(); index++) {
            Optional<WrongType> wrong = one(context, element, array.get(index), path + "[" + index + "]");
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<WrongType> one(FhirContext context, BaseRuntimeElementDefinition<?> element,
                                           JsonNode value, String path) {
        if (value.isNull()) {
            return Optional.of(new WrongType(path, "a value (FHIR JSON has no null)"));
        }
        if (isResource(context, value)) {
            // A resource inside another (Bundle.entry.resource) is held to the same types as one posted alone.
            return composite(context, context.getResourceDefinition(value.get("resourceType").textValue()), value,
                    path);
        }
        if (element instanceof RuntimePrimitiveDatatypeDefinition primitive) {
            Class<?> type = primitive.getImplementingClass();
            if (IntegerType.class.isAssignableFrom(type) || DecimalType.class.isAssignableFrom(type)) {
                return value.isNumber() ? Optional.empty() : Optional.of(new WrongType(path, "a JSON number"));
            }
            if (BooleanType.class.isAssignableFrom(type)) {
                return value.isBoolean() ? Optional.empty() : Optional.of(new WrongType(path, "true or false"));
            }
            if (!value.isTextual()) {
                return Optional.of(new WrongType(path, "a JSON string"));
            }
            return timeFormat(type).filter(format -> !format.matcher(value.textValue()).matches())
                    .map(format -> new WrongType(path, TIME_EXPECTED));
        }
        if (element instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
            return value.isObject() ? composite(context, composite, value, path)
                    : Optional.of(new WrongType(path, "a JSON object"));
        }
        return Optional.empty();
    }
}
