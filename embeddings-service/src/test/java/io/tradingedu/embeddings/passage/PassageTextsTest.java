package io.tradingedu.embeddings.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassageTextsTest {

    @Test
    void passagesGoUnderTheTitleTheirSentencesAsTheyAreAndTheVectorsComeBackPerPassage() {
        List<List<String>> parts = List.of(List.of("One.", "Two."), List.of());

        List<String> texts = PassageTexts.of(Optional.of("ATR stops"), List.of("One. Two.", "Slide"), parts);

        assertThat(texts).containsExactly("ATR stops: One. Two.", "One.", "Two.", "ATR stops: Slide");
        List<float[]> vectors = texts.stream().map(t -> new float[] {t.length()}).toList();
        PassageTexts.Vectors split = PassageTexts.split(vectors, parts);
        assertThat(split.wholes()).containsExactly(vectors.get(0), vectors.get(3));
        assertThat(split.parts().get(0)).containsExactly(vectors.get(1), vectors.get(2));
        assertThat(split.parts().get(1)).isEmpty();
    }
}
