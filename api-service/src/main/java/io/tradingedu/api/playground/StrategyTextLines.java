package io.tradingedu.api.playground;

import io.tradingedu.shared.strategy.StrategyText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each key of a compact strategy text is written, so a problem the validator reports by JSON path
 * ({@code entry.conditions[1].left.params.period}, {@code risk.stop_loss.percent}) can be shown at its line. Mirrors
 * the keys and aliases shared-model's {@code StrategyText} reads.
 */
final class StrategyTextLines {

    private static final Pattern CONDITION = Pattern.compile("conditions\\[(\\d+)]");
    private static final Map<String, String> CANONICAL = aliases();

    /** A written key: its 1-based line, the 1-based column its value starts at, and the line as written. */
    record Written(int line, int column, String text) {
    }

    private final Map<String, List<Written>> byKey = new HashMap<>();

    StrategyTextLines(String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "");
            Matcher matcher = StrategyText.LINE.matcher(line);
            if (!line.isBlank() && matcher.matches()) {
                String key = matcher.group(1).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
                byKey.computeIfAbsent(CANONICAL.getOrDefault(key, key), k -> new ArrayList<>())
                        .add(new Written(i + 1, matcher.start(2) + 1, lines[i].strip()));
            }
        }
    }

    /** The line a JSON path of the strategy comes from; null when the text has no such line (e.g. a missing exit). */
    Written lineOf(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String[] steps = path.split("\\.");
        String key = switch (steps[0]) {
            case "risk", "costs" -> steps.length > 1 ? steps[1] : null;
            case "sizing" -> "size";
            default -> steps[0];
        };
        List<Written> written = key == null ? null : byKey.get(key);
        if (written == null || written.isEmpty()) {
            return null;
        }
        // several entry lines are read as one rule set (several exits as alternatives): conditions[i] is line i
        if (written.size() > 1 && steps.length > 1) {
            Matcher condition = CONDITION.matcher(steps[1]);
            if (condition.matches() && Integer.parseInt(condition.group(1)) < written.size()) {
                return written.get(Integer.parseInt(condition.group(1)));
            }
        }
        // entry and exit lines add up; any other key written twice is read from its last line, as the parser keeps it
        return key.equals("entry") || key.equals("exit") ? written.getFirst() : written.getLast();
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        String[][] groups = {
                {"direction", "side"}, {"entry", "enter", "buy_when"}, {"exit", "sell_when"},
                {"stop_loss", "stop"}, {"take_profit", "target"}, {"max_bars", "time_exit"},
                {"entry_stop", "buy_stop"}, {"exit_stop", "sell_stop"}, {"reverse", "stop_and_reverse"},
                {"pyramiding", "max_units"}, {"size", "sizing", "position_size"},
                {"commission_bps", "commission"}, {"slippage_bps", "slippage"}};
        for (String[] group : groups) {
            for (String alias : group) {
                aliases.put(alias, group[0]);
            }
        }
        return aliases;
    }
}
