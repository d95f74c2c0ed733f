package org.painladder.api.ladder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of accept and reject: who decided, and a note or the reason. */
final class DecisionRequests {
    private DecisionRequests() {
    }

    record AcceptRecommendation(@NotBlank @Size(max = 128) String clinician, @Size(max = 2000) String note) {
    }

    record RejectRecommendation(@NotBlank @Size(max = 128) String clinician,
                  @NotBlank(message = "is required: say why the advice does not fit this patient") @Size(max = 2000)
                  String reason) {
    }
}
