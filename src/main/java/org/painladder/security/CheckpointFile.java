package org.painladder.security;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.painladder.domain.audit.Checkpoint;
import org.painladder.domain.audit.CheckpointLog;

/**
 * The checkpoints of the audit chains, one line each, appended to a file outside the database
 * ({@code painladder.audit.checkpoint-file}) and forced to disk. Point it at storage the database administrators
 * cannot write (another volume, a WORM bucket mount, a log shipper's input).
 */
@Singleton
public class CheckpointFile implements CheckpointLog {

    private static final String VERSION = "v1";

    private final Path file;

    CheckpointFile(@ConfigProperty(name = "painladder.audit.checkpoint-file") Path file) {
        this.file = file;
    }

    @Override
    public synchronized void append(Checkpoint checkpoint) {
        String line = String.join(" ", VERSION, checkpoint.chainId(), Long.toString(checkpoint.seq()),
                checkpoint.hash(), checkpoint.at().toString(), checkpoint.keyId(), checkpoint.mac()) + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot append an audit checkpoint to " + file, failure);
        }
    }

    @Override
    public synchronized List<Recorded> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read the audit checkpoints in " + file, failure);
        }
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                recorded.add(new Recorded(i + 1, parse(lines.get(i))));
            }
        }
        return recorded;
    }

    private static Optional<Checkpoint> parse(String line) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 7 || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Checkpoint(fields[1], Long.parseLong(fields[2]), fields[3],
                    Instant.parse(fields[4]), fields[5], fields[6]));
        } catch (NumberFormatException | DateTimeParseException notACheckpoint) {
            return Optional.empty();
        }
    }
}
