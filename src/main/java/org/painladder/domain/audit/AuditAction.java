package org.painladder.domain.audit;

/**
 * What a request did to the data it touched, derived from its HTTP method and path. REQUEST stands for requests
 * refused before they reached any operation (a flood from one address), counted in one event.
 */
public enum AuditAction {
    READ, CREATE, UPDATE, DELETE, DECIDE, REQUEST
}
