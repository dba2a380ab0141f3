package io.tradingedu.orchestrator.processvideo.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingVocabularyTest {

    @TempDir
    Path dir;

    @Test
    void addsPronunciationsNumberedAfterTheExistingOnes() throws Exception {
        Path base = Files.writeString(dir.resolve("base.dict"),
                "ema IY M AH\nbollinger B AA L IH NG ER\nstochastic S T OW K AE S T IH K\nstochastic(2) S T OW K AE S T IK\n");

        Path merged = TradingVocabulary.merge(base, dir.resolve("merged.dict"));

        assertThat(Files.readAllLines(merged)).startsWith(Files.readAllLines(base).toArray(String[]::new))
                .contains("ema(2) IY EH M EY", "bollinger(2) B AA L IH N JH ER", "stochastic(3) S T AH K AE S T IH K",
                        "roi AA R OW AY");
    }
}
