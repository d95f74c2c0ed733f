package org.painladder.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where one chain of the audit trail ends; only the sealer of that chain locks it, never a request. */
@Entity
@Table(name = "audit_chain")
class AuditChainEntity {
    @Id
    String chainId;
    @Column(nullable = false)
    long lastSeq;
    @Column(nullable = false)
    String lastHash;
}
