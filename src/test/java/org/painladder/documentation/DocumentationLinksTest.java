package org.painladder.documentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone holds everything the README and docs/ cite: every relative Markdown link resolves to a file of this
 * repository, and none climbs out of it (a newcomer does not have the authors' sibling directories).
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

    @Test
    void everyRelativeLinkOfTheReadmeAndDocsResolvesInsideTheRepository() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            Matcher links = LINK.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (links.find()) {
                String target = links.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")
                        || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = document.toAbsolutePath().getParent().resolve(target.replaceAll("#.*$", ""))
                        .normalize();
                if (!resolved.startsWith(ROOT)) {
                    broken.add(document + ": " + target + " leaves the repository");
                } else if (!Files.exists(resolved)) {
                    broken.add(document + ": " + target + " does not exist");
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
