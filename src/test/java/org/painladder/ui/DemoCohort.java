package org.painladder.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.painladder.api.TestTokens;

/** Runs scripts/demo's generator (scripts/SimulateCohort.java demo) against the test service, as a user would. */
final class DemoCohort {

    private DemoCohort() {
    }

    /** Loads the first PATIENTS of the demo cohort and answers what the script printed; fails unless it exits 0. */
    static String load(URL base, int patients) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "scripts/SimulateCohort.java", "demo",
                "--base-url", base.toString(), "--patients", Integer.toString(patients),
                "--token", TestTokens.forRole("ehr", "demo.ehr"),
                "--clinician-token", TestTokens.forRole("clinician", "dr.demo"),
                "--palliative-token", TestTokens.forRole("palliative", "pc.demo")));
        try {
            Process demo = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, demo.waitFor(), "scripts/demo failed:\n" + output);
            return output;
        } catch (IOException unstartable) {
            throw new UncheckedIOException(unstartable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
