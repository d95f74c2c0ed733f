package org.painladder.domain.regimen;

/** What the ORG table of clinical-rules §8.2 says about a drug in one organ-function band, strictest first. */
public enum OrganFunctionVerdict {
    /** Do not start or raise it; replace it by the table's alternative. */
    AVOID,
    /** Usable at a lower dose and a longer interval (or under the label's cap). */
    CAUTION,
    /** The table's choice for this band. */
    PREFER
}
