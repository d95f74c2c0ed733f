package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "idempotency_key")
class IdempotencyKeyEntity {

    @Embeddable
    record Id(@Column(name = "principal") String principal,
              @Column(name = "idempotency_key") String idempotencyKey) implements Serializable {
    }

    @EmbeddedId
    Id id;
    @Column(nullable = false)
    String requestFingerprint;
    Integer responseStatus;
    String responseBody;
    String responseContentType;
    String responseLocation;
    String responseEntityTag;
    @Column(nullable = false)
    Instant createdAt;
}
