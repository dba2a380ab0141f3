package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradingedu.orchestrator.processvideo.transcript.SubtitleParser.Cue;
import org.junit.jupiter.api.Test;

class SubtitleParserTest {

    @Test
    void readsPlainSrtExactly() {
        var parsed = SubtitleParser.parse("""
                1
                00:00:01,000 --> 00:00:03,500
                RSI below 30 means oversold

                2
                00:00:04,250 --> 00:01:02,001
                Wait for the close
                above the 200-day SMA
                """, 0);

        assertThat(parsed.cues()).containsExactly(
                new Cue(1.0, 3.5, "RSI below 30 means oversold"),
                new Cue(4.25, 62.001, "Wait for the close above the 200-day SMA"));
        assertThat(parsed.notes()).isEmpty();
    }

    @Test
    void toleratesBomCrlfAndMissingCueNumbersAndBlankLines() {
        String srt = "\uFEFF1\r\n00:00:00,500 --> 00:00:01,000\r\nBuy the dip\r\n"
                + "2\r\n00:00:01,000 --> 00:00:02,000\r\nSell the rip\r\n\r\n\r\n"
                + "00:00:02,000 --> 00:00:03,000\r\nno number here\r\n";

        assertThat(SubtitleParser.parse(srt, 0).cues()).containsExactly(
                new Cue(0.5, 1.0, "Buy the dip"),
                new Cue(1.0, 2.0, "Sell the rip"),
                new Cue(2.0, 3.0, "no number here"));
    }

    @Test
    void readsWebVttWithHeaderNotesStylesSettingsAndShortTimes() {
        var parsed = SubtitleParser.parse("""
                WEBVTT - trading lesson
                Kind: captions
                Language: en

                STYLE
                ::cue { color: yellow }

                NOTE this block is a comment
                spanning two lines

                intro
                00:01.000 --> 00:04.000 align:start position:10%
                <v Instructor>The <b>MACD</b> line crosses</v>

                01:00:00.000 --> 01:00:02.5
                <c.yellow>signal</c> line &amp; histogram
                """, 0);

        assertThat(parsed.cues()).containsExactly(
                new Cue(1.0, 4.0, "The MACD line crosses"),
                new Cue(3600.0, 3602.5, "signal line & histogram"));
        assertThat(parsed.notes()).isEmpty();
    }

    @Test
    void stripsHtmlAssAndKaraokeTagsButKeepsComparisons() {
        assertThat(SubtitleParser.clean("{\\an8}{\\i1}Stop loss{\\i0}\\Nat <font color=\"red\">2%</font>"))
                .isEqualTo("Stop loss at 2%");
        assertThat(SubtitleParser.clean("<00:00:01.000>price <i>above</i>\nthe band")).isEqualTo("price above the band");
        assertThat(SubtitleParser.clean("RSI < 30 and > 70 &lt;extreme&gt; &#8364;5")).isEqualTo("RSI < 30 and > 70 <extreme> €5");
    }

    @Test
    void dropsCuesWithBrokenTimingAndCountsThem() {
        var parsed = SubtitleParser.parse("""
                1
                00:00:05,000 --> 00:00:04,000
                end before start

                2
                00:00:xx,000 --> 00:00:09,000
                unreadable time

                3
                00:00:06,000 --> 00:00:07,000
                good cue

                4
                00:00:08,000 --> 00:00:08,000
                no length
                """, 0);

        assertThat(parsed.cues()).containsExactly(new Cue(6.0, 7.0, "good cue"));
        assertThat(parsed.notes()).containsExactly("3 cues with broken timing dropped");
    }

    @Test
    void repairsSmallOverlapsAndDropsCuesThatSwallowLaterOnes() {
        var parsed = SubtitleParser.parse("""
                1
                00:00:00,000 --> 00:59:00,000
                stuck caption

                2
                00:00:01,000 --> 00:00:03,000
                first line

                3
                00:00:02,500 --> 00:00:05,000
                second line
                """, 0);

        assertThat(parsed.cues()).containsExactly(
                new Cue(1.0, 2.5, "first line"),
                new Cue(2.5, 5.0, "second line"));
        assertThat(parsed.notes()).containsExactly("1 cue with broken timing dropped", "1 overlapping cue trimmed");
    }

    @Test
    void sortsOutOfOrderCuesAndMergesSimultaneousOnes() {
        var parsed = SubtitleParser.parse("""
                2
                00:00:03,000 --> 00:00:04,000
                later

                1
                00:00:01,000 --> 00:00:02,000
                - Is it oversold?

                1b
                00:00:01,000 --> 00:00:02,000
                - Not yet.
                """, 0);

        assertThat(parsed.cues()).containsExactly(
                new Cue(1.0, 2.0, "- Is it oversold? - Not yet."),
                new Cue(3.0, 4.0, "later"));
        assertThat(parsed.notes()).containsExactly("1 simultaneous cue merged");
    }

    @Test
    void cuesPastTheEndOfTheVideoAreDroppedOrClipped() {
        var parsed = SubtitleParser.parse("""
                00:00:01,000 --> 00:00:12,000
                runs past the end

                00:00:30,000 --> 00:00:31,000
                after the end
                """, 10);

        assertThat(parsed.cues()).containsExactly(new Cue(1.0, 10.0, "runs past the end"));
        assertThat(parsed.notes()).containsExactly("1 cue with broken timing dropped");
    }

    @Test
    void fileWithoutUsableCuesYieldsNothing() {
        assertThat(SubtitleParser.parse("WEBVTT\n\nNOTE nothing here\n", 0).cues()).isEmpty();
        assertThat(SubtitleParser.parse("", 0).cues()).isEmpty();
        var onlyBroken = SubtitleParser.parse("1\n00:00:02,000 --> 00:00:01,000\ntext\n", 0);
        assertThat(onlyBroken.cues()).isEmpty();
        assertThat(onlyBroken.notes()).containsExactly("1 cue with broken timing dropped");
    }

    @Test
    void millisecondFractionsAreDecimal() {
        assertThat(SubtitleParser.times("00:00:01,5 --> 00:00:02,25")).containsExactly(1.5, 2.25);
        assertThat(SubtitleParser.times("00:61:00,000 --> 01:00:00,000")).isNull();
    }
}
