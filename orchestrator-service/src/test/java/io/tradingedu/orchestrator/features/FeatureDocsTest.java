package io.tradingedu.orchestrator.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/features.md defines exactly the features the code computes, with the same version. */
class FeatureDocsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    void theDocumentDefinesEveryFeatureAndNoOther() throws Exception {
        String doc = Files.readString(docs());
        Matcher m = ROW.matcher(doc);
        var documented = m.results().map(r -> r.group(1)).collect(Collectors.toList());

        assertThat(documented).containsExactlyElementsOf(FeatureCatalogue.NAMES);
        assertThat(doc).contains(FeatureCatalogue.VERSION);
    }

    private static Path docs() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/features.md"))) {
                return dir.resolve("docs/features.md");
            }
        }
        throw new IllegalStateException("docs/features.md not found above " + Path.of("").toAbsolutePath());
    }
}
