package org.painladder.domain.regimen;

/** A caution attached to a conversion: a stable code for software, a sentence for the clinician. */
public record Caution(String code, String message) {
}
