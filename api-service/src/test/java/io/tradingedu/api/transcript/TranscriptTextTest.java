package io.tradingedu.api.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingedu.api.support.BadParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTextTest {

    static Transcript.Segment segment(double start, double end, String text) {
        return new Transcript.Segment(start, end, text, null, List.of());
    }

    @Test
    void timestampsCarryHoursMinutesSecondsAndRoundedMilliseconds() {
        assertThat(TranscriptText.timestamp(1.25, ',')).isEqualTo("00:00:01,250");
        assertThat(TranscriptText.timestamp(3723.0045, '.')).isEqualTo("01:02:03.005");
        assertThat(TranscriptText.timestamp(59.9996, ',')).isEqualTo("00:01:00,000");
        assertThat(TranscriptText.timestamp(360_000, ',')).isEqualTo("100:00:00,000");
        assertThat(TranscriptText.timestamp(-0.5, ',')).isEqualTo("00:00:00,000");
    }

    @Test
    void srtNumbersOnlyTheCuesThatHaveText() {
        String srt = TranscriptText.srt(List.of(segment(0, 1, "  "), segment(1, 2.5, "first\r\nline"),
                segment(3, 4, "second")));

        assertThat(srt).isEqualTo("1\n00:00:01,000 --> 00:00:02,500\nfirst line\n\n"
                + "2\n00:00:03,000 --> 00:00:04,000\nsecond\n\n");
    }

    @Test
    void vttNeverEndsACueBeforeItStarts() {
        assertThat(TranscriptText.vtt(List.of(segment(5, 4, "<b>RSI</b>"))))
                .isEqualTo("WEBVTT\n\n00:00:05.000 --> 00:00:05.000\n&lt;b&gt;RSI&lt;/b&gt;\n\n");
        assertThat(TranscriptText.vtt(List.of())).isEqualTo("WEBVTT\n\n");
    }

    @Test
    void formatsAreParsedCaseInsensitivelyAndOthersAreRefusedWithTheList() {
        assertThat(TranscriptFormat.parse(" SRT ")).isEqualTo(TranscriptFormat.SRT);
        assertThatThrownBy(() -> TranscriptFormat.parse("pdf")).isInstanceOf(BadParameterException.class)
                .hasMessage("format must be one of json, text, srt, vtt; got 'pdf'");
    }
}
