package org.painladder.domain.audit;

/** What a request did to the data it touched, derived from its HTTP method and path. */
public enum AuditAction {
    READ, CREATE, UPDATE, DELETE, DECIDE
}
