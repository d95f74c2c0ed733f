package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The content columns are written once, with the request, by {@link AuditEvents#record} (its insert names every column
 * here); the seal columns once more, by the sealer.
 */
@Entity
@Table(name = "audit_event")
class AuditEventEntity {
    @Id
    UUID id;
    @Column(nullable = false, updatable = false)
    String chainId;
    Long seq;
    @Column(nullable = false, updatable = false)
    Instant at;
    @Column(nullable = false, updatable = false)
    String actor;
    @Column(updatable = false)
    String role;
    @Column(updatable = false)
    String client;
    @Column(nullable = false, updatable = false)
    String action;
    @Column(nullable = false, updatable = false)
    String resourceType;
    @Column(updatable = false)
    String resourceId;
    @Column(updatable = false)
    UUID patientId;
    @Column(nullable = false, updatable = false)
    String outcome;
    @Column(nullable = false, updatable = false)
    int status;
    @Column(updatable = false)
    String correlationId;
    @Column(nullable = false, updatable = false)
    int requestCount;
    String keyId;
    String prevHash;
    String hash;
}
