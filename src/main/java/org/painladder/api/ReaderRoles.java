package org.painladder.api;

/** Role lists shared by resources, so that "who reads clinical data" is written once. */
public final class ReaderRoles {
    /** Every role but the auditor reads clinical data (api.md "Security"). */
    public static final String[] CLINICAL_READERS = {"ehr", "clinician", "palliative", "admin"};

    private ReaderRoles() {
    }
}
