package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "refractory_case_transition")
class RefractoryCaseTransitionEntity {
    @Id
    UUID id;
    @Column(nullable = false)
    UUID caseId;
    @Column(nullable = false)
    Instant changedAt;
    String fromStatus;
    @Column(nullable = false)
    String toStatus;
    @Column(nullable = false)
    String changedBy;
    String assignee;
    String note;
    String outcome;
}
