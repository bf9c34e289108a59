package dev.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and of the documentation pages ({@code src/site/markdown}) names a file that
 * exists. Links carry no anchor: GitHub and the rendered site name a heading's anchor differently, so an anchor
 * that works in one is broken in the other.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Path PAGES = Path.of("src/site/markdown");

    @Test
    void everyRelativeLinkNamesAFileThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                if (target.contains("#")) {
                    broken.add(document + ": " + target + " (an anchor)");
                } else if (!Files.exists(document.toAbsolutePath().getParent().resolve(target).normalize())) {
                    broken.add(document + ": " + target + " (no such file)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void readmeLinksEveryPage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        try (Stream<Path> pages = Files.list(PAGES)) {
            pages.filter(p -> !p.getFileName().toString().equals("index.md"))
                    .forEach(page -> assertTrue(readme.contains("(src/site/markdown/" + page.getFileName() + ")"),
                            () -> "README.md does not link " + page));
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md"), Path.of("server-config/README.md")));
        try (Stream<Path> pages = Files.list(PAGES)) {
            pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }
}
