package org.painladder.documentation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's walk through the API is the text that .ci/run executes: scripts/walkthrough between its two markers
 * must appear verbatim, as one bash block, in README.md, so the commands a newcomer copies are the tested ones.
 */
class WalkthroughInReadmeTest {

    static final String BEGIN = "# --- walkthrough: begin ---";
    static final String END = "# --- walkthrough: end ---";

    @Test
    void theReadmeShowsTheWalkthroughScriptVerbatim() throws IOException {
        String script = Files.readString(Path.of("scripts/walkthrough"), StandardCharsets.UTF_8);
        int begin = script.indexOf(BEGIN);
        int end = script.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "scripts/walkthrough lost its markers " + BEGIN + " / " + END);
        String steps = script.substring(begin, end + END.length());

        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("```bash\n" + steps + "\n```\n"),
                "README.md must show scripts/walkthrough from '" + BEGIN + "' to '" + END + "' verbatim in a ```bash"
                        + " block (section 'A first walk through the API'); copy the script's lines into it");
    }
}
