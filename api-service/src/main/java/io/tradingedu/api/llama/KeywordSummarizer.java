package io.tradingedu.api.llama;

import io.tradingedu.api.upstream.UpstreamException;
import io.tradingedu.api.support.Links;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Retrieves the passages, asks orchestrator-service for a grounded LLM summary and falls back to the
 * {@link ExtractiveSummary}: only embeddings-service is indispensable, because without passages there is nothing to
 * ground anything in.
 */
@Component
class KeywordSummarizer {

    private static final Logger log = LoggerFactory.getLogger(KeywordSummarizer.class);

    private final LlamaEmbeddings embeddings;
    private final LlamaOrchestrator orchestrator;

    KeywordSummarizer(LlamaEmbeddings embeddings, LlamaOrchestrator orchestrator) {
        this.embeddings = embeddings;
        this.orchestrator = orchestrator;
    }

    KeywordSummary summarise(String keyword, int topK) {
        LlamaEmbeddings.SearchAnswer found = embeddings.search(keyword, topK);
        List<LlamaEmbeddings.Passage> passages = found.hits() == null ? List.of() : found.hits().stream()
                .filter(p -> p.text() != null && !p.text().isBlank()).limit(topK).toList();
        List<String> notes = new ArrayList<>(found.notes() == null ? List.of() : found.notes());
        if (passages.isEmpty()) {
            notes.add("no lesson passage was found for '" + keyword + "'");
            return new KeywordSummary(keyword, "none", null, null, List.of(), notes);
        }
        LlamaOrchestrator.SummaryAnswer llm = askTheLlm(keyword, passages, notes);
        if (llm != null) {
            return answer(keyword, "llm", llm.model(), llm.summary(), passages, Set.copyOf(llm.cited()), notes);
        }
        List<ExtractiveSummary.Sentence> sentences = ExtractiveSummary.of(keyword,
                passages.stream().map(LlamaEmbeddings.Passage::text).toList());
        if (sentences.isEmpty()) {
            notes.add("no sentence of the passages names '" + keyword + "'");
            return answer(keyword, "extractive", null, null, passages, Set.of(), notes);
        }
        Set<Integer> cited = new HashSet<>();
        sentences.forEach(s -> cited.add(s.citation()));
        return answer(keyword, "extractive", null, ExtractiveSummary.text(sentences), passages, cited, notes);
    }

    /** The LLM's grounded summary; {@code null} (with the reason noted) when there is none. */
    private LlamaOrchestrator.SummaryAnswer askTheLlm(String keyword, List<LlamaEmbeddings.Passage> passages,
                                                      List<String> notes) {
        try {
            LlamaOrchestrator.SummaryAnswer answer = orchestrator.summarise(new LlamaOrchestrator.SummaryRequest(
                    keyword, passages.stream().map(p -> new LlamaOrchestrator.SummaryPassage(p.text(), p.mediaId(),
                            p.startSeconds(), p.endSeconds())).toList()));
            notes.addAll(answer.notes());
            boolean grounded = "llm".equals(answer.method()) && answer.summary() != null
                    && !answer.summary().isBlank() && !answer.cited().isEmpty()
                    && answer.cited().stream().allMatch(n -> n != null && n >= 1 && n <= passages.size());
            if (!grounded && "llm".equals(answer.method())) {
                notes.add("the LLM summary cited passages that were not retrieved, so it was not used");
            }
            return grounded ? answer : null;
        } catch (UpstreamException e) {
            // the summary stays available without the orchestrator: the extractive one needs only the passages
            log.info("no LLM summary of '{}': {}", keyword, e.getMessage());
            notes.add("no LLM summary: " + e.getMessage());
            return null;
        }
    }

    private static KeywordSummary answer(String keyword, String method, String model, String summary,
                                         List<LlamaEmbeddings.Passage> passages, Set<Integer> cited,
                                         List<String> notes) {
        List<KeywordSummary.Citation> citations = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            LlamaEmbeddings.Passage p = passages.get(i);
            citations.add(new KeywordSummary.Citation(i + 1, p.mediaId(), p.startSeconds(), p.endSeconds(), p.text(),
                    p.score(), cited.contains(i + 1), play(p)));
        }
        if ("extractive".equals(method)) {
            notes.add("extractive summary: the passages' most relevant sentences");
        }
        return new KeywordSummary(keyword, method, model, summary, citations, notes);
    }

    /** embeddings-service's play path made absolute here (a proxy's prefix kept), or the video at the second. */
    private static String play(LlamaEmbeddings.Passage p) {
        String path = p.play();
        if (path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")) {
            int hash = path.indexOf('#');
            return Links.to("{path}", hash < 0 ? path : path.substring(0, hash))
                    + (hash < 0 ? "" : path.substring(hash));
        }
        return p.mediaId() == null ? null : Links.to("/media_items/{id}/video", p.mediaId()) + "#t="
                + p.startSeconds();
    }
}
