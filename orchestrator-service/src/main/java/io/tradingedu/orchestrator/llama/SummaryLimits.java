package io.tradingedu.orchestrator.llama;

import java.util.List;

/**
 * What one summary request may cost: the prompt stays a few thousand tokens, so a local model answers within its
 * timeout. Checked before the model is asked; a violation is a 400 naming the field.
 */
final class SummaryLimits {

    static final int MAX_KEYWORD_CHARS = 200;
    static final int MAX_PASSAGES = 20;
    static final int MAX_PASSAGE_CHARS = 4_000;
    static final int MAX_TOTAL_CHARS = 40_000;
    static final double DEFAULT_TEMPERATURE = 0.2;

    private SummaryLimits() {
    }

    /** @throws BadSummaryRequestException naming the first field out of bounds */
    static void check(SummaryRequest request) {
        String keyword = request.keyword();
        if (keyword == null || keyword.isBlank()) {
            throw new BadSummaryRequestException("keyword", "must not be empty");
        }
        if (keyword.length() > MAX_KEYWORD_CHARS) {
            throw new BadSummaryRequestException("keyword", "must be at most " + MAX_KEYWORD_CHARS
                    + " characters; got " + keyword.length());
        }
        List<SummaryRequest.Passage> passages = request.passages();
        if (passages == null || passages.isEmpty()) {
            throw new BadSummaryRequestException("passages", "at least one passage is needed");
        }
        if (passages.size() > MAX_PASSAGES) {
            throw new BadSummaryRequestException("passages", "at most " + MAX_PASSAGES + " passages; got "
                    + passages.size());
        }
        long total = 0;
        for (int i = 0; i < passages.size(); i++) {
            SummaryRequest.Passage passage = passages.get(i);
            String field = "passages[" + i + "].text";
            if (passage == null || passage.text() == null || passage.text().isBlank()) {
                throw new BadSummaryRequestException(field, "must not be empty");
            }
            if (passage.text().length() > MAX_PASSAGE_CHARS) {
                throw new BadSummaryRequestException(field, "must be at most " + MAX_PASSAGE_CHARS
                        + " characters; got " + passage.text().length());
            }
            total += passage.text().length();
        }
        if (total > MAX_TOTAL_CHARS) {
            throw new BadSummaryRequestException("passages", "at most " + MAX_TOTAL_CHARS
                    + " characters in all; got " + total);
        }
        Double temperature = request.temperature();
        if (temperature != null && !(temperature >= 0 && temperature <= 1)) {
            throw new BadSummaryRequestException("temperature", "must be between 0 and 1; got " + temperature);
        }
    }
}
