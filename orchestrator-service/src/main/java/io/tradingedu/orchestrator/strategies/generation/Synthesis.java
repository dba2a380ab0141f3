package io.tradingedu.orchestrator.strategies.generation;

import java.util.List;

/** What a synthesiser made of a lesson: candidates, and notes that say why there are none or what was dropped. */
record Synthesis(String source, List<Candidate> candidates, List<String> notes) {

    Synthesis {
        candidates = List.copyOf(candidates);
        notes = List.copyOf(notes);
    }
}
