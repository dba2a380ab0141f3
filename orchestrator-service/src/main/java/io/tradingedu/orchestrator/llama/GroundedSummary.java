package io.tradingedu.orchestrator.llama;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's reply kept only as far as it is grounded: every sentence must cite at least one of the {@code n}
 * passages it was given ({@code [2]}, {@code [1, 3]}, {@code [1][3]}); markers naming passages it was not given are
 * removed, sentences left without a valid marker are dropped, and a reply with no cited sentence is no summary.
 *
 * @param text    the kept sentences, markers renumbered nowhere: {@code [k]} still means the caller's passage k
 * @param cited   the passage numbers cited, in the order first cited
 * @param dropped how many sentences were dropped for citing nothing valid
 * @param removed how many markers named a passage that does not exist
 */
record GroundedSummary(String text, List<Integer> cited, int dropped, int removed) {

    /** Longest summary kept; a model that rambles past it is cut at a sentence. */
    static final int MAX_CHARS = 3_000;

    private static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*]");
    // a sentence ends at . ! ? or a marker, unless a marker follows (it belongs to the sentence before)
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\]])\\s+(?!\\[)");

    /** The grounded part of {@code reply}; empty when no sentence cites one of the {@code passages} given. */
    static Optional<GroundedSummary> of(String reply, int passages) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        Set<Integer> cited = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        int removed = 0;
        int length = 0;
        for (String sentence : SENTENCE_END.split(reply.strip().replaceAll("\\s+", " "))) {
            StringBuilder text = new StringBuilder();
            Set<Integer> ofSentence = new LinkedHashSet<>();
            Matcher marker = MARKER.matcher(sentence);
            int last = 0;
            while (marker.find()) {
                text.append(sentence, last, marker.start());
                List<Integer> valid = new ArrayList<>();
                for (String number : marker.group(1).split("\\s*[,;]\\s*")) {
                    int n = Integer.parseInt(number);
                    if (n >= 1 && n <= passages) {
                        valid.add(n);
                    } else {
                        removed++;
                    }
                }
                valid.forEach(n -> text.append('[').append(n).append(']'));
                ofSentence.addAll(valid);
                last = marker.end();
            }
            text.append(sentence.substring(last));
            String clean = text.toString().replaceAll("\\s+([.,;!?])", "$1").replaceAll(" {2,}", " ").strip();
            if (ofSentence.isEmpty()) {
                if (!clean.isEmpty()) {
                    dropped++;
                }
                continue;
            }
            if (length + clean.length() + 1 > MAX_CHARS) {
                break;
            }
            kept.add(clean);
            cited.addAll(ofSentence);
            length += clean.length() + 1;
        }
        return kept.isEmpty() ? Optional.empty()
                : Optional.of(new GroundedSummary(String.join(" ", kept), List.copyOf(cited), dropped, removed));
    }
}
