package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

@Entity
@Table(name = "refractory_case_option")
class RefractoryCaseOptionEntity {

    @Embeddable
    record Id(@Column(name = "case_id") UUID caseId, @Column(name = "intervention") String intervention)
            implements Serializable {
    }

    @EmbeddedId
    Id id;
}
