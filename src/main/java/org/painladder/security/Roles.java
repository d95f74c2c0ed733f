package org.painladder.security;

/**
 * The roles carried in the token's {@code groups} claim (api.md "Security"). Every role but {@link #AUDITOR} reads
 * clinical data; the auditor sees only the access log.
 */
public final class Roles {
    public static final String EHR = "ehr";
    public static final String CLINICIAN = "clinician";
    public static final String PALLIATIVE = "palliative";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** The service's own roles: a token may carry any number of other groups of the hospital's directory. */
    public static final java.util.Set<String> ALL = java.util.Set.of(EHR, CLINICIAN, PALLIATIVE, AUDITOR, ADMIN);

    private Roles() {
    }
}
