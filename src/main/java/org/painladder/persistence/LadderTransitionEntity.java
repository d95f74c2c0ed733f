package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ladder_transition")
class LadderTransitionEntity {
    @Id
    UUID id;
    @Column(nullable = false)
    UUID patientId;
    int fromStep;
    int toStep;
    @Column(nullable = false)
    Instant occurredAt;
    @Column(nullable = false)
    String cause;
    UUID recommendationId;
    @Column(nullable = false)
    String actor;
    String recordedBy;
}
