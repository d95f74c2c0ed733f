package org.painladder.domain.audit;

/**
 * SUCCESS: the resource answered 2xx/3xx; DENIED: 401 or 403, or stopped before the resource (a redirect to sign in);
 * FAILED: any other error, nothing was changed.
 */
public enum AuditOutcome {
    SUCCESS, DENIED, FAILED;

    public static AuditOutcome ofStatus(int status) {
        if (status == 401 || status == 403) {
            return DENIED;
        }
        return status >= 400 ? FAILED : SUCCESS;
    }
}
