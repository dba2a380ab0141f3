package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a condition is for, from the words around it: "buy when …" (entry), "exit when …" (exit), "only take trades
 * when …" (filter). A cue in the condition's own clause (between commas) counts first, the nearest before it, else
 * the first after it ("when the RSI dips under 30 you want to be looking for longs"); then the same in the sentence.
 */
final class Roles {

    /** @param forwardOnly "while", "as long as" qualify only what follows them: "RSI under 5 while price is …" */
    private record Cue(int start, int end, String role, boolean forwardOnly) {
    }

    private static final Pattern FORWARD = Pattern.compile("while|as long as|provided");

    /** Ranked: where cues overlap ("only take long trades"), the lower rank wins. */
    private static final List<Map.Entry<String, Pattern>> CUES = List.of(
            Map.entry("filter", Pattern.compile("\\bonly\\s+(?:ever\\s+)?(?:take|trade|enter|buy|sell|go|look|want)\\w*"
                    + "|\\bas long as\\b|\\bprovided (?:that\\b)?|\\bfilter\\b|\\bonly (?:if|when)\\b|\\bwhile\\b")),
            Map.entry("exit", Pattern.compile("\\b(?:exit|exits|exiting|get out|close (?:the|your|my) (?:trade|"
                    + "position|long|short)|take (?:your |my )?profits? (?:when|if|once)|sell (?:when|if|once|it when)"
                    + "|cover (?:when|if|once)|close out|bail|sell signal"
                    + "|(?:i'm|i am|we're|we are) out)\\b")),
            Map.entry("entry", Pattern.compile("\\b(?:buy|buying|enter|entry|entries|go long|go short|get in|get long"
                    + "|get short|look(?:ing)? for (?:longs?|shorts?|a long|a short)|long (?:when|if|once)"
                    + "|short (?:when|if|once)|sell short|open (?:a|the) (?:long|short|position|trade)"
                    + "|take (?:a |the )?(?:long|short|trade)|(?:your|our) (?:long|short)(?: entry| signal)?)\\b")));

    private Roles() {
    }

    static String at(String lower, int position) {
        List<Cue> cues = cues(lower);
        int clauseStart = Math.max(lower.lastIndexOf(',', position - 1), lower.lastIndexOf(';', position - 1)) + 1;
        int clauseEnd = nextBreak(lower, position);
        Cue chosen = nearest(cues, position, clauseStart, clauseEnd);
        if (chosen == null) {
            chosen = nearest(cues, position, 0, lower.length());
        }
        return chosen == null ? null : chosen.role();
    }

    private static Cue nearest(List<Cue> cues, int position, int from, int to) {
        Cue before = null;
        Cue after = null;
        for (Cue cue : cues) {
            if (cue.start() < from || cue.start() >= to) {
                continue;
            }
            if (cue.start() <= position) {
                before = cue;
            } else if (after == null && !cue.forwardOnly()) {
                after = cue;
            }
        }
        return before != null ? before : after;
    }

    private static int nextBreak(String lower, int position) {
        int comma = lower.indexOf(',', position);
        int semicolon = lower.indexOf(';', position);
        int end = lower.length();
        if (comma >= 0) {
            end = Math.min(end, comma);
        }
        if (semicolon >= 0) {
            end = Math.min(end, semicolon);
        }
        return end;
    }

    private static List<Cue> cues(String lower) {
        List<Cue> cues = new ArrayList<>();
        for (int rank = 0; rank < CUES.size(); rank++) {
            Matcher m = CUES.get(rank).getValue().matcher(lower);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (cues.stream().noneMatch(c -> c.start() < e && s < c.end())) {
                    cues.add(new Cue(s, e, CUES.get(rank).getKey(), FORWARD.matcher(m.group()).matches()));
                }
            }
        }
        cues.sort(Comparator.comparingInt(Cue::start));
        return cues;
    }
}
