package org.painladder.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.WebApplicationException;
import org.painladder.api.problem.ProblemType;

/** Versions travel as strong entity tags ({@code "3"}); If-Match takes that tag, a weak form, or {@code *}. */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client expects, or null when it sent no If-Match or {@code *}. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException notOurs) {
            throw new WebApplicationException(ProblemType.PRECONDITION_FAILED
                    .problem("If-Match " + ifMatch + " is not an entity tag this service issued").toResponse());
        }
    }
}
