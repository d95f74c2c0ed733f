package org.painladder.interop.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body is not a FHIR R4 resource of the expected type (400 OperationOutcome). It keeps only the element the
 * parser named, never the parser's message, which quotes the value it refused.
 */
class UnparsableResourceException extends RuntimeException {

    private static final Pattern UNKNOWN = Pattern.compile("Unknown element '([A-Za-z0-9_]{1,64})'");
    private static final Pattern AT_ELEMENT = Pattern.compile("element=\"([A-Za-z0-9_]{1,64})\"");

    private final String resourceType;
    private final String element;
    private final boolean unknown;

    private UnparsableResourceException(String resourceType, String element, boolean unknown) {
        super(element == null ? "unparsable" : element, null, false, false);
        this.resourceType = resourceType;
        this.element = element;
        this.unknown = unknown;
    }

    static UnparsableResourceException from(String resourceType, String parserMessage) {
        String message = parserMessage == null ? "" : parserMessage;
        Matcher unknownElement = UNKNOWN.matcher(message);
        if (unknownElement.find()) {
            return new UnparsableResourceException(resourceType, unknownElement.group(1), true);
        }
        Matcher atElement = AT_ELEMENT.matcher(message);
        return new UnparsableResourceException(resourceType, atElement.find() ? atElement.group(1) : null, false);
    }

    String resourceType() {
        return resourceType;
    }

    /** The element the parser stopped at, when it said so. */
    String element() {
        return element;
    }

    boolean unknownElement() {
        return unknown;
    }
}
