package org.painladder.api.refractory;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.security.ActingUser;

/** A status change asked for by the palliative team (api.md "Refractory cases"). */
public record TransitionRequest(
        @NotNull CaseStatus to,
        @Size(min = 1, max = ActingUser.NAME_LENGTH) @Schema(description = "Who made the change: the signed-in user."
                + " Optional; when sent it must be the token's user name (422 otherwise)") String by,
        @Size(min = 1, max = 128) @Schema(description = "The new owner; absent keeps the current one") String assignee,
        @Size(max = 2000) String note,
        @Schema(description = "Required when, and only when, to is CLOSED") CaseOutcome outcome) {
}
