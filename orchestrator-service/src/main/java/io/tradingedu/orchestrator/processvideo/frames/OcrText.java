package io.tradingedu.orchestrator.processvideo.frames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns tesseract's TSV (one row per word, with its block/paragraph/line and a 0-100 confidence) into cleaned text
 * and a mean word confidence. Cleaning: whitespace collapsed; words without a letter or digit dropped unless they are
 * comparison or price symbols ("<", "%", "$" ...); lines that are still mostly non-alphanumeric, or have no two
 * alphanumerics in a row, dropped as noise (chart candles and borders read as "| |", "~", "Hl" ...).
 */
record OcrText(String text, Double confidence) {

    static final OcrText EMPTY = new OcrText("", null);

    private static final Set<String> MEANINGFUL_SYMBOLS = Set.of("<", ">", "<=", ">=", "=", "%", "$", "+", "-", "/",
            "&", "@", "€", "£");
    private static final int WORD_LEVEL = 5;

    static OcrText fromTsv(String tsv) {
        Map<String, List<Word>> lines = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals(String.valueOf(WORD_LEVEL))) {
                continue;
            }
            String text = cells[11].strip();
            double conf;
            try {
                conf = Double.parseDouble(cells[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (text.isEmpty() || conf < 0 || !keepWord(text)) {
                continue;
            }
            // page, block, paragraph, line
            String line = cells[1] + "/" + cells[2] + "/" + cells[3] + "/" + cells[4];
            lines.computeIfAbsent(line, k -> new ArrayList<>()).add(new Word(text.replaceAll("\\s+", " "), conf));
        }
        List<String> kept = new ArrayList<>();
        double confSum = 0;
        int words = 0;
        for (List<Word> line : lines.values()) {
            String joined = String.join(" ", line.stream().map(Word::text).toList());
            if (isNoise(joined)) {
                continue;
            }
            kept.add(joined);
            for (Word w : line) {
                confSum += w.conf();
                words++;
            }
        }
        return words == 0 ? EMPTY : new OcrText(String.join("\n", kept), confSum / words / 100.0);
    }

    static boolean keepWord(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit) || MEANINGFUL_SYMBOLS.contains(word);
    }

    static boolean isNoise(String line) {
        long visible = line.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        long alnum = line.codePoints().filter(Character::isLetterOrDigit).count();
        return alnum * 2 < visible || !hasTwoAlphanumericsInARow(line);
    }

    private static boolean hasTwoAlphanumericsInARow(String line) {
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = Character.isLetterOrDigit(line.charAt(i)) ? run + 1 : 0;
            if (run >= 2) {
                return true;
            }
        }
        return false;
    }

    private record Word(String text, double conf) {
    }
}
