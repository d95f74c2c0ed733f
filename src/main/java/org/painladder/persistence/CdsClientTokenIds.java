package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The jti of every CDS client token accepted, until it expires: a second use of one is a replay. */
@ApplicationScoped
public class CdsClientTokenIds {

    private final EntityManager entityManager;

    CdsClientTokenIds(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the token's first use, in a transaction of its own so the claim holds whatever the request does next.
     *
     * @return false when this issuer's jti was used before (on any replica)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean firstUse(String issuer, String jti, Instant expiresAt) {
        try {
            entityManager.createNativeQuery("INSERT INTO cds_client_token_id (issuer, jti, expires_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, issuer).setParameter(2, jti).setParameter(3, expiresAt)
                    .executeUpdate();
            return true;
        } catch (PersistenceException used) {
            if (ConstraintViolations.isViolationOf(used, "pk_cds_client_token_id")) {
                return false;
            }
            throw used;
        }
    }

    /** Forgets the ids of tokens that have expired: an expired token is refused before its jti is looked at. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetExpiredBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM cds_client_token_id WHERE expires_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }
}
