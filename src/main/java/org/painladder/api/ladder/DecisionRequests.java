package org.painladder.api.ladder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.security.ActingUser;

/** The bodies of accept and reject: who decided, and a note or the reason. */
final class DecisionRequests {

    static final String CLINICIAN = "Who decided: the signed-in user, recorded as decidedBy. Optional; when sent it"
            + " must be the token's user name (422 otherwise), never a colleague's";

    private DecisionRequests() {
    }

    record AcceptRecommendation(@Schema(description = CLINICIAN) @Size(max = ActingUser.NAME_LENGTH) String clinician,
                                @Size(max = 2000) String note) {
    }

    record RejectRecommendation(@Schema(description = CLINICIAN) @Size(max = ActingUser.NAME_LENGTH) String clinician,
                  @NotBlank(message = "is required: say why the advice does not fit this patient") @Size(max = 2000)
                  String reason) {
    }
}
