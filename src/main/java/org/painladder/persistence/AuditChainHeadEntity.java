package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_chain_head")
class AuditChainHeadEntity {
    static final int THE_CHAIN = 1;

    @Id
    int id;
    @Column(nullable = false)
    long lastSeq;
    @Column(nullable = false)
    String lastHash;
}
