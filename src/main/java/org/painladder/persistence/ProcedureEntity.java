package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "procedure_done")
class ProcedureEntity {
    @Id
    UUID id;
    @Column(nullable = false)
    UUID patientId;
    @Column(nullable = false)
    String type;
    @Column(nullable = false)
    Instant performedAt;
    @Column(nullable = false)
    Instant recordedAt;
    String outcome;
    String performedBy;
    @Column(nullable = false)
    String recordedBy;
}
