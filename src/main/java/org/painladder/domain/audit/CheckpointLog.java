package org.painladder.domain.audit;

import java.util.List;
import java.util.Optional;

/** The append-only record of checkpoints, kept outside the database. */
public interface CheckpointLog {

    /** One line of the log: a checkpoint, or empty when the line is not one (it was damaged or forged). */
    record Recorded(int line, Optional<Checkpoint> checkpoint) {
    }

    void append(Checkpoint checkpoint);

    List<Recorded> read();
}
