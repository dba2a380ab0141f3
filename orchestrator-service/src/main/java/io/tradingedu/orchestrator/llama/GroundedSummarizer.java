package io.tradingedu.orchestrator.llama;

import io.tradingedu.orchestrator.llm.LlmChat;
import io.tradingedu.orchestrator.llm.LlmOptions;
import io.tradingedu.orchestrator.llm.LlmUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks the model what the passages teach about a keyword and keeps only what it grounds in them
 * ({@link GroundedSummary}). Without a model, or when it fails or cites nothing, the answer says so: the caller
 * falls back to an extractive summary.
 */
@Component
class GroundedSummarizer {

    private static final Logger log = LoggerFactory.getLogger(GroundedSummarizer.class);

    static final String SYSTEM = """
            You summarise what a library of trading lessons teaches about one topic, for a student.
            Use only the numbered passages you are given; they are transcripts of the lessons.
            End every sentence with the number of the passage it comes from in square brackets, e.g. [2] or [1][3].
            Do not add facts, numbers, advice or opinions the passages do not contain.
            Write at most 6 sentences of plain prose, without headings or lists.
            If the passages say nothing about the topic, answer exactly: NOTHING""";

    /** The model is never handed more of a passage than this; the limits bound the prompt as a whole. */
    private static final int PROMPT_PASSAGE_CHARS = 1_500;

    // the bean is optional: without an LLM configured (or before one exists) summaries are extractive
    private final ObjectProvider<LlmChat> llm;

    GroundedSummarizer(ObjectProvider<LlmChat> llm) {
        this.llm = llm;
    }

    SummaryResponse summarise(SummaryRequest request) {
        SummaryLimits.check(request);
        LlmChat chat = llm.getIfAvailable();
        if (chat == null || !chat.available()) {
            return SummaryResponse.none(null, List.of("no LLM is configured"));
        }
        double temperature = request.temperature() == null ? SummaryLimits.DEFAULT_TEMPERATURE
                : request.temperature();
        String reply;
        try {
            reply = chat.chat(SYSTEM, prompt(request), new LlmOptions(temperature, false));
        } catch (LlmUnavailableException e) {
            log.info("no LLM summary for '{}': {}", request.keyword(), e.getMessage());
            return SummaryResponse.none(chat.model(), List.of("the LLM gave no answer: " + e.getMessage()));
        } catch (RuntimeException e) {
            // an implementation that throws what it should have wrapped still must not fail the request
            log.warn("the LLM failed a summary of '{}'", request.keyword(), e);
            return SummaryResponse.none(chat.model(), List.of("the LLM failed: " + e.getClass().getSimpleName()));
        }
        if (reply != null && reply.strip().toUpperCase(Locale.ROOT).startsWith("NOTHING")) {
            return SummaryResponse.none(chat.model(), List.of("the LLM found nothing about '" + request.keyword()
                    + "' in the passages"));
        }
        Optional<GroundedSummary> grounded = GroundedSummary.of(reply,
                request.passages().stream().map(SummaryRequest.Passage::text).toList(), request.keyword());
        if (grounded.isEmpty()) {
            return SummaryResponse.none(chat.model(), List.of("the LLM's reply cited none of the "
                    + request.passages().size() + " passages in a sentence that shares a word with it, so "
                    + "it was dropped"));
        }
        GroundedSummary summary = grounded.get();
        List<String> notes = new ArrayList<>();
        if (summary.dropped() > 0) {
            notes.add(summary.dropped() + " sentence(s) of the LLM's reply cited no passage and were dropped");
        }
        if (summary.removed() > 0) {
            notes.add(summary.removed() + " citation(s) of passages that were not given were removed");
        }
        if (summary.unsupported() > 0) {
            notes.add(summary.unsupported() + " citation(s) of a passage sharing no word with the sentence were "
                    + "removed");
        }
        return SummaryResponse.of(summary, chat.model(), notes);
    }

    static String prompt(SummaryRequest request) {
        StringBuilder prompt = new StringBuilder("Topic: ").append(request.keyword().strip()).append("\n\nPassages:\n");
        List<SummaryRequest.Passage> passages = request.passages();
        for (int i = 0; i < passages.size(); i++) {
            String text = passages.get(i).text().strip().replaceAll("\\s+", " ");
            if (text.length() > PROMPT_PASSAGE_CHARS) {
                text = text.substring(0, PROMPT_PASSAGE_CHARS) + "…";
            }
            prompt.append('[').append(i + 1).append("] ").append(text).append('\n');
        }
        return prompt.append("\nWhat do these lessons teach about ").append(request.keyword().strip())
                .append("? Cite the passages.").toString();
    }
}
