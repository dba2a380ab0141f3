package io.tradingedu.api.llama;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * How each kind of row becomes an instruction, an input and a response. Responses are only what a stage found
 * (the concept's text form, the strategy's compact text, the keywords' lexicon categories), never prose made up
 * here; the input is always the lesson's own words.
 */
final class ExampleTexts {

    /** Longest input kept; a transcript stretch beyond it is cut at a word, around the keyword. */
    static final int MAX_INPUT_CHARS = 1_500;

    private ExampleTexts() {
    }

    /** @param play the link that plays a lesson at a second */
    static Example concept(ExampleRows.ConceptRow row, BiFunction<UUID, Double, String> play) {
        String instruction = switch (row.kind()) {
            case "condition" -> row.role() == null || row.role().isBlank()
                    ? "Write the condition the teacher states as a rule in the strategy language."
                    : "Write the " + row.role() + " condition the teacher states as a rule in the strategy language.";
            case "indicator" -> "Which indicator does the teacher use, with which parameters? Answer in the strategy "
                    + "language.";
            case "risk_rule" -> "Write the risk rule the teacher states in the strategy language.";
            case "direction" -> "Which direction does the teacher trade? Answer in the strategy language.";
            default -> "Write what the teacher states as the strategy language's " + row.kind().replace('_', ' ')
                    + ".";
        };
        return new Example(instruction, cut(row.quote(), null), row.textForm(), new Example.Source("concept",
                row.mediaId(), row.start(), row.end(), row.id(), null, null, null,
                play.apply(row.mediaId(), row.start())));
    }

    /** With the concept stated near the keyword: transcript; without one: keywords (the terms it uses). */
    static Example hit(ExampleRows.HitRow row, BiFunction<UUID, Double, String> play) {
        String input = cut(row.excerpt(), row.keyword());
        Example.Source source = new Example.Source(row.conceptId() == null ? "keywords" : "transcript",
                row.mediaId(), row.excerptFrom(), row.excerptTo(), row.id(), row.keyword(), row.category(), null,
                play.apply(row.mediaId(), row.excerptFrom()));
        if (row.conceptId() == null) {
            return new Example("Which trading terms does this lesson excerpt use, and what kind of term is each?",
                    input, row.terms(), source);
        }
        String response = "The teacher states: \"" + row.conceptQuote().strip() + "\""
                + (row.conceptText() == null || row.conceptText().isBlank() ? ""
                : "\nIn the strategy language: " + row.conceptText());
        return new Example("What does the lesson say about " + row.keyword() + "?", input, response, source);
    }

    /** {@code null} when the strategy has no quoted evidence to ground it in. */
    static Example strategy(ExampleRows.StrategyRow row, BiFunction<UUID, Double, String> play) {
        List<ExampleRows.Evidence> quoted = row.evidence().stream()
                .filter(e -> e.quote() != null && !e.quote().isBlank()).toList();
        if (quoted.isEmpty() || row.textForm() == null || row.textForm().isBlank()) {
            return null;
        }
        StringBuilder input = new StringBuilder();
        for (ExampleRows.Evidence e : quoted) {
            input.append(input.isEmpty() ? "" : "\n").append(e.start() == null ? "" : "[" + seconds(e.start()) + "] ")
                    .append(e.quote().strip());
        }
        double start = quoted.stream().map(ExampleRows.Evidence::start).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).min().orElse(0);
        double end = quoted.stream().map(ExampleRows.Evidence::end).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(start);
        return new Example("Write the trading strategy this lesson teaches as complete rules in the strategy "
                + "language.", cut(input.toString(), null), row.textForm(), new Example.Source("strategy",
                row.mediaId(), start, end, row.id(), null, null, row.decision(), play.apply(row.mediaId(), start)));
    }

    /** The text within {@link #MAX_INPUT_CHARS}, cut at words and kept around {@code keyword} when given. */
    static String cut(String text, String keyword) {
        // runs of spaces become one; line breaks (one quote per line) stay
        String flat = text == null ? "" : text.strip().replaceAll("\\h+", " ").replaceAll(" ?\n ?", "\n");
        if (flat.length() <= MAX_INPUT_CHARS) {
            return flat;
        }
        int at = keyword == null ? -1 : flat.toLowerCase(Locale.ROOT).indexOf(keyword.toLowerCase(Locale.ROOT));
        int from = at < 0 ? 0 : Math.max(0, Math.min(at - MAX_INPUT_CHARS / 2, flat.length() - MAX_INPUT_CHARS));
        int to = from + MAX_INPUT_CHARS;
        // move both ends inwards to a space, so no word is cut in half
        int start = from == 0 ? 0 : flat.indexOf(' ', from) + 1;
        int stop = to >= flat.length() ? flat.length() : Math.max(start, flat.lastIndexOf(' ', to));
        return (start > 0 ? "…" : "") + flat.substring(start, stop) + (stop < flat.length() ? "…" : "");
    }

    private static String seconds(double seconds) {
        long s = Math.round(Math.floor(seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
