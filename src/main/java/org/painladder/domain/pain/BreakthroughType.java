package org.painladder.domain.pain;

/**
 * What drives the breakthrough episodes (clinical-rules §8.6; Davies 2009). INCIDENT pain is predictable and treated
 * pre-emptively, END_OF_DOSE is a dosing-interval problem; neither calls for raising the background dose as such.
 */
public enum BreakthroughType {
    INCIDENT, SPONTANEOUS, END_OF_DOSE
}
