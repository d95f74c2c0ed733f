package org.painladder.app;

import java.time.Instant;

/** A procedure as the caller sent it; {@code type} is checked against the intervention enum (422 naming it). */
public record NewProcedure(String type, Instant performedAt, String outcome, String performedBy) {
}
