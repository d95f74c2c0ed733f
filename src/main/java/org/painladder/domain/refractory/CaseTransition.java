package org.painladder.domain.refractory;

import java.time.Instant;

/**
 * One entry of a case's history: a status change, who made it, when, and why.
 *
 * @param from     null for the opening entry
 * @param assignee who owns the case after the change
 * @param outcome  set when the case was closed
 */
public record CaseTransition(CaseStatus from, CaseStatus to, Instant at, String by, String assignee, String note,
                             CaseOutcome outcome) {
}
