package org.painladder.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Every log record the service writes while open, as "logger message stack-trace" lines, for hygiene checks. */
public final class CapturedLogs implements AutoCloseable {

    private static final String STACK_FRAME = "\tat ";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringWriter thrown = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(thrown));
            }
            lines.add(record.getLoggerName() + " " + message + " " + thrown);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLogs() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    public static CapturedLogs start() {
        return new CapturedLogs();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public static boolean hasStackTrace(String line) {
        return line.contains(STACK_FRAME);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
