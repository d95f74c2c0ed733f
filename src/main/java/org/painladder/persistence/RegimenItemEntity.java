package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "regimen_item")
class RegimenItemEntity {
    @Id
    UUID id;
    @Column(nullable = false)
    UUID regimenId;
    int itemIndex;
    @Column(nullable = false)
    String drug;
    @Column(nullable = false)
    String route;
    BigDecimal dose;
    @Column(nullable = false)
    String unit;
    Integer timesPerDay;
    boolean prn;
    @Column(nullable = false)
    String mode;
    BigDecimal ratePerHour;
    BigDecimal bolusDose;
    Integer lockoutMinutes;
    @Column(name = "max_dose_per_4h")
    BigDecimal maxDosePer4h;
}
