package org.painladder.domain.audit;

import java.util.Optional;

/**
 * The secret keys that seal the audit trail. They are held outside the database, so that someone who can rewrite
 * every row still cannot compute a valid seal. Each seal names the key id it was made with, so keys can rotate:
 * verification accepts every key id that is still configured.
 */
public interface AuditKeys {

    /** The key new seals are made with. */
    String currentKeyId();

    /** The keyed MAC (HMAC-SHA256, hex) of {@code content}, or empty when {@code keyId} is not configured. */
    Optional<String> mac(String keyId, String content);
}
