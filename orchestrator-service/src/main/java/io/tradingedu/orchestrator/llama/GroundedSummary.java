package io.tradingedu.orchestrator.llama;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's reply kept only as far as it is grounded in the passages it was given. The reply is plain text and is
 * returned as plain text: nothing here makes it safe to render as HTML or Markdown.
 * <ul>
 *   <li>Sentences end at {@code .}, {@code !} or {@code ?} before a space or the end of the reply (never at a
 *       bracket, a decimal point or {@code e.g.}); markers right after a sentence's end ({@code oversold. [1]})
 *       belong to that sentence.</li>
 *   <li>Markers are {@code [2]}, {@code [1, 3]}, {@code [1][3]}, {@code [1-3]}; one naming a passage that was not
 *       given (any number of digits) is removed and counted.</li>
 *   <li>A cited passage must share a word with the sentence (neither a stop word nor a word of the keyword, which
 *       every retrieved passage contains anyway); a citation of a passage that does not is removed and counted as
 *       unsupported. It is a coarse check: it catches a sentence pinned on a passage about something else, not a
 *       wrong paraphrase.</li>
 *   <li>A sentence left without a citation, or without a word besides its markers, is dropped; a reply with no
 *       sentence left is no summary.</li>
 * </ul>
 *
 * @param text        the kept sentences, markers not renumbered: {@code [k]} still means the caller's passage k
 * @param cited       the passage numbers cited, in the order first cited
 * @param dropped     how many sentences were dropped for citing nothing valid or saying nothing
 * @param removed     how many markers named a passage that does not exist
 * @param unsupported how many citations were removed because the sentence shares no word with the passage
 */
record GroundedSummary(String text, List<Integer> cited, int dropped, int removed, int unsupported) {

    /** Longest summary kept; a model that rambles past it is cut at a sentence. */
    static final int MAX_CHARS = 3_000;

    private static final String MARKER_SOURCE = "\\[\\s*\\d+(?:\\s*[-\u2013,;]\\s*\\d+)*\\s*]";
    private static final Pattern MARKER = Pattern.compile(MARKER_SOURCE);
    private static final Pattern CITATION = Pattern.compile("(\\d+)(?:\\s*[-\u2013]\\s*(\\d+))?");
    // the end of a sentence (closing quotes or brackets included) and the markers right after it
    private static final Pattern END = Pattern.compile("[.!?]+[\"'\u201d\u2019)]*(?=\\s|$|\\[)(?:\\s*"
            + MARKER_SOURCE + ")*");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "vs.", "cf.", "approx.", "u.s.");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Words that ground nothing: function words and how a model talks about the lessons. */
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "that", "this", "these",
            "those", "are", "was", "were", "you", "your", "when", "then", "than", "from", "into", "but", "not",
            "can", "will", "has", "have", "had", "its", "they", "them", "their", "there", "which", "what", "who",
            "how", "also", "about", "more", "most", "very", "just", "only", "one", "such", "should", "would",
            "could", "may", "might", "must", "some", "any", "all", "each", "other", "both", "being", "been", "does",
            "did", "lesson", "lessons", "teacher", "teaches", "teach", "taught", "passage", "passages", "video",
            "videos", "says", "said", "say", "explains", "explained", "describes", "described", "mentions",
            "mentioned", "according", "speaker", "instructor", "students", "student", "notes", "note", "suggests");

    /**
     * The grounded part of {@code reply}; empty when no sentence cites one of the {@code passages} it shares a word
     * with. Passage k is {@code passages.get(k - 1)}.
     */
    static Optional<GroundedSummary> of(String reply, List<String> passages, String keyword) {
        if (reply == null || reply.isBlank()) {
            return Optional.empty();
        }
        Set<String> keywordWords = stems(keyword == null ? "" : keyword, Set.of());
        List<Set<String>> passageWords = passages.stream().map(p -> stems(p == null ? "" : p, keywordWords))
                .toList();
        Set<Integer> cited = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        int removed = 0;
        int unsupported = 0;
        int length = 0;
        String normalised = reply.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        for (String sentence : sentences(normalised)) {
            Set<String> words = stems(MARKER.matcher(sentence).replaceAll(" "), keywordWords);
            boolean saysSomething = WORD.matcher(MARKER.matcher(sentence).replaceAll(" ")).find();
            StringBuilder text = new StringBuilder();
            Set<Integer> ofSentence = new LinkedHashSet<>();
            Matcher marker = MARKER.matcher(sentence);
            int last = 0;
            boolean hadMarker = false;
            while (marker.find()) {
                hadMarker = true;
                text.append(sentence, last, marker.start());
                last = marker.end();
                Citations numbers = citations(marker.group(), passages.size());
                removed += numbers.invalid();
                for (int n : numbers.valid()) {
                    if (ofSentence.contains(n)) {
                        continue;
                    }
                    if (disjoint(words, passageWords.get(n - 1))) {
                        unsupported++;
                        continue;
                    }
                    ofSentence.add(n);
                    text.append('[').append(n).append(']');
                }
            }
            text.append(sentence.substring(last));
            String clean = text.toString().replaceAll("\\s+([.,;:!?])", "$1").replaceAll(" {2,}", " ").strip();
            if (!saysSomething || ofSentence.isEmpty()) {
                // punctuation alone is no sentence; markers alone or words alone are a dropped one
                if (saysSomething || hadMarker) {
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
        return kept.isEmpty() ? Optional.empty() : Optional.of(new GroundedSummary(String.join(" ", kept),
                List.copyOf(cited), dropped, removed, unsupported));
    }

    /** The reply's sentences, each with the markers that follow its end. */
    static List<String> sentences(String reply) {
        List<String> sentences = new ArrayList<>();
        Matcher end = END.matcher(reply);
        int from = 0;
        while (end.find()) {
            if (abbreviation(reply, end.start())) {
                continue;
            }
            sentences.add(reply.substring(from, end.end()).strip());
            from = end.end();
        }
        sentences.add(reply.substring(from).strip());
        sentences.removeIf(String::isEmpty);
        return sentences;
    }

    private static boolean abbreviation(String text, int end) {
        String token = text.substring(text.lastIndexOf(' ', end) + 1, end + 1).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(token);
    }

    private record Citations(List<Integer> valid, int invalid) {
    }

    /** The passage numbers a marker names; numbers and ranges outside 1..passages are invalid. */
    private static Citations citations(String marker, int passages) {
        List<Integer> valid = new ArrayList<>();
        int invalid = 0;
        Matcher citation = CITATION.matcher(marker);
        while (citation.find()) {
            int from = number(citation.group(1));
            int to = citation.group(2) == null ? from : number(citation.group(2));
            if (from >= 1 && to >= from && to <= passages) {
                for (int n = from; n <= to; n++) {
                    valid.add(n);
                }
            } else {
                invalid++;
            }
        }
        return new Citations(valid, invalid);
    }

    private static int number(String digits) {
        // [00000000001] and [99999999999] are both nonsense; no request has more than a few passages
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(significant);
    }

    /** Lower-case word stems (the first 5 letters) of the words that can ground a sentence. */
    private static Set<String> stems(String text, Set<String> ignored) {
        Set<String> stems = new HashSet<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            String w = word.group();
            boolean number = w.chars().anyMatch(Character::isDigit);
            if ((number ? w.length() < 2 : w.length() < 3) || STOP_WORDS.contains(w)) {
                continue;
            }
            String stem = w.length() > 5 ? w.substring(0, 5) : w;
            if (!ignored.contains(stem)) {
                stems.add(stem);
            }
        }
        return stems;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }
}
