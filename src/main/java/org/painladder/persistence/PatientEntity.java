package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "patient")
class PatientEntity {
    @Id
    UUID id;
    @Column(nullable = false, length = 64)
    String mrn;
    Integer birthYear;
    String sex;
    String icd10;
    String primarySite;
    Boolean metastatic;
    Boolean boneMetastases;
    Integer lifeExpectancyMonths;
    @Column(nullable = false)
    String contraindications;
    @Column(nullable = false)
    String painConditions;
    @Column(nullable = false)
    String status;
    Double renalEgfr;
    String renalDialysis;
    Instant renalMeasuredAt;
    String hepaticImpairment;
    Boolean frail;
    Double weightKg;
    Boolean unableToSwallow;
    @Column(nullable = false)
    Instant createdAt;
    @Column(nullable = false)
    Instant updatedAt;
    @Column(nullable = false)
    Instant statusSince;
    @Version
    long version;
}
