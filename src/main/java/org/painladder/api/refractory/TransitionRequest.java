package org.painladder.api.refractory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;

/** A status change asked for by the palliative team (api.md "Refractory cases"). */
public record TransitionRequest(
        @NotNull CaseStatus to,
        @Size(min = 1, max = 128) @Schema(description = "Who made the change; defaults to the caller") String by,
        @Size(min = 1, max = 128) @Schema(description = "The new owner; absent keeps the current one") String assignee,
        @Size(max = 2000) String note,
        @Schema(description = "Required when, and only when, to is CLOSED") CaseOutcome outcome) {
}
