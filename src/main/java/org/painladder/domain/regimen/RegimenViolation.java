package org.painladder.domain.regimen;

/** One reason a proposed regimen or conversion cannot be used, naming the field, e.g. {@code items[1].route}. */
public record RegimenViolation(String field, String message) {
}
