package io.tradingedu.orchestrator.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which side the lesson trades: "looking for longs", "go long", "buy when …", "we buy Apple when …" (long); "go short", "sell short",
 * "shorting" (short). A plain "sell" closes a long and says nothing about direction; "buy and hold" is no signal.
 */
final class DirectionRules {

    private static final Pattern LONG = Pattern.compile("\\b(?:look(?:ing)? for (?:longs?|a long|long (?:entries|"
            + "setups?|trades?))|go(?:ing)? long|get long|enter (?:a )?long|take (?:a |the )?long|long (?:positions?|"
            + "trades?|entry|entries|setups?)|buy(?:ing)? (?:[a-z$&]+ ){0,2}(?:when|if|once)|buy signal|bullish bias"
            + "|(?:that's|that is) (?:your|our|the|a) long)\\b");
    private static final Pattern SHORT = Pattern.compile("\\b(?:look(?:ing)? for (?:shorts?|a short|short (?:entries|"
            + "setups?|trades?))|go(?:ing)? short|get short|enter (?:a )?short|take (?:a |the )?short|short "
            + "(?:positions?|trades?|entry|entries|setups?|it|this|the)|sell(?:ing)? short|short[- ]sell(?:ing)?|"
            + "shorting|bearish bias|(?:that's|that is) (?:your|our|the|a) short)\\b");

    private DirectionRules() {
    }

    static List<Finding> find(String lower) {
        List<Finding> found = new ArrayList<>();
        add(found, LONG.matcher(lower), "long");
        add(found, SHORT.matcher(lower), "short");
        return found;
    }

    private static void add(List<Finding> found, Matcher m, String direction) {
        while (m.find()) {
            found.add(new Finding(m.start(), "direction", direction, Map.of(), "direction: " + direction, 0.8));
        }
    }
}
