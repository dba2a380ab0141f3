package io.tradingedu.embeddings.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LessonTitleTest {

    @Test
    void aDescriptiveFileNameIsTheTitle() {
        assertThat(LessonTitle.of("Taking profits - scaling out, breakeven and trailing stops.mp4"))
                .contains("Taking profits - scaling out, breakeven and trailing stops");
        assertThat(LessonTitle.of("rsi-2-mean-reversion.mp4")).contains("rsi 2 mean reversion");
        assertThat(LessonTitle.of("Position_Sizing_the_1%_rule.mkv")).contains("Position Sizing the 1% rule");
    }

    @Test
    void aNameThatSaysNothingIsNoTitle() {
        assertThat(LessonTitle.of("VID_20231102_123456.mp4")).isEmpty();
        assertThat(LessonTitle.of("3f9a2c1e7b.mp4")).isEmpty();
        assertThat(LessonTitle.of("lesson.mp4")).isEmpty();
        assertThat(LessonTitle.of(" ")).isEmpty();
        assertThat(LessonTitle.of(null)).isEmpty();
    }

    @Test
    void aPassageIsEmbeddedWithItsLessonsTitleFirst() {
        assertThat(LessonTitle.context(Optional.of("ATR stops"), "Put it two ATRs away."))
                .isEqualTo("ATR stops: Put it two ATRs away.");
        assertThat(LessonTitle.context(Optional.empty(), "Put it two ATRs away.")).isEqualTo("Put it two ATRs away.");
    }

    @Test
    void unpunctuatedSpeechIsCutIntoSentenceSizedParts() {
        String recognised = "so what I want you to notice here is the stop goes below the low "
                + "and the target sits at two times the risk which means we need only one winner in three "
                + "to break even over a long series of trades";

        List<String> parts = PassageBuilder.parts(PassageKind.TRANSCRIPT, recognised);

        assertThat(parts).hasSize(3);
        assertThat(String.join(" ", parts)).isEqualTo(recognised);
        assertThat(PassageBuilder.parts(PassageKind.FRAME, recognised)).isEmpty();
    }
}
