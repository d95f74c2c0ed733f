package org.painladder.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.painladder.app.ClinicalValidationException;
import org.painladder.domain.audit.Access;

/**
 * The name the clinical record gives to whoever acted: the signed-in user of the token, as the audit trail names them.
 * The bodies of api.md still carry the name ({@code clinician}, {@code by}, {@code changedBy}); a person may leave it
 * out or send their own, never a colleague's, so that a decision, a case move or a regimen is never recorded in the name
 * of someone who did not make it. Only the EHR's system account acts for someone else: it records a regimen for the
 * prescriber it names, and the record keeps the account too.
 */
public final class ActingUser {

    /** The longest name a record keeps: the audit trail's actor, which a token's user name is checked against. */
    public static final int NAME_LENGTH = Access.ACTOR_LENGTH;

    private ActingUser() {
    }

    /**
     * Who is recorded as having acted on a person's request.
     *
     * @param field the body field that may name them
     * @param given the name the body sent, or null
     * @return the signed-in user
     * @throws ClinicalValidationException when the body names anyone else
     */
    public static String confirmed(SecurityIdentity identity, String field, String given) {
        String user = identity.getPrincipal().getName();
        if (given != null && !given.equals(user)) {
            throw new ClinicalValidationException(field, "must be the signed-in user or left out: the record names"
                    + " who acted, and you are signed in as " + user);
        }
        return user;
    }

    /**
     * Who prescribed, and who recorded it: the EHR's system account may name the prescriber it records for, anyone
     * else records in their own name ({@link #confirmed}).
     *
     * @param given the prescriber the body names, or null for the signed-in user
     */
    public static Attribution prescribed(SecurityIdentity identity, String field, String given) {
        String user = identity.getPrincipal().getName();
        if (!identity.hasRole(Roles.EHR)) {
            return new Attribution(confirmed(identity, field, given), user);
        }
        if (given == null) {
            return new Attribution(user, user);
        }
        if (given.isBlank() || !given.strip().equals(given)) {
            throw new ClinicalValidationException(field, "must name the prescriber, without leading or trailing"
                    + " spaces");
        }
        if (given.codePoints().anyMatch(CheckedTokenClaims::isInvisibleOrControl)) {
            // As for a token's user name: a right-to-left override or a zero-width space makes one name read as another.
            throw new ClinicalValidationException(field, "must not hold control or invisible formatting characters");
        }
        if (given.length() > NAME_LENGTH) {
            throw new ClinicalValidationException(field, "must be at most " + NAME_LENGTH + " characters");
        }
        return new Attribution(given, user);
    }

    /**
     * @param actedFor   who the record names as having made the change (the prescriber)
     * @param recordedBy the signed-in user who sent it (the EHR's account, or the prescriber themselves)
     */
    public record Attribution(String actedFor, String recordedBy) {
    }
}
