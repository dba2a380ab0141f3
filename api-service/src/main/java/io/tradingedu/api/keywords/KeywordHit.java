package io.tradingedu.api.keywords;

import java.util.UUID;

/**
 * One place where stage 3 found a trading keyword.
 *
 * @param keyword     the lexicon's name for it, e.g. {@code RSI}
 * @param matchedText the words as they appeared, e.g. {@code relative strength index}
 * @param source      where it was found: {@code subtitle}, {@code transcript} or {@code ocr}
 * @param frameId     the frame whose OCR text held it, for {@code ocr} hits
 */
record KeywordHit(UUID id, UUID mediaId, String keyword, String category, String matchedText, double start,
                  double end, double confidence, String context, String source, UUID frameId,
                  String lexiconVersion) {
}
