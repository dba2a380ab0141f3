package io.tradingedu.orchestrator.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TradingLexiconTest {

    private final TradingLexicon lexicon = TradingLexicon.standard();

    @Test
    void standardLexiconIsVersionedAndHasAtLeast200Terms() {
        assertThat(lexicon.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(lexicon.size()).isGreaterThanOrEqualTo(200);
        assertThat(TradingLexicon.standard()).isSameAs(lexicon);
    }

    @Test
    void everyCategoryHasTerms() {
        Map<KeywordCategory, Long> perCategory = lexicon.terms().stream()
                .collect(Collectors.groupingBy(LexiconTerm::category, Collectors.counting()));

        assertThat(perCategory.keySet()).containsExactlyInAnyOrder(KeywordCategory.values());
        assertThat(perCategory.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(10));
    }

    @Test
    void namesAreLowerCaseAndWeightsWithinZeroToOne() {
        assertThat(lexicon.terms()).allSatisfy(term -> {
            assertThat(term.canonical()).isEqualTo(term.canonical().toLowerCase(Locale.ROOT));
            assertThat(term.weight()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void carriesTheVocabularyALessonUses() {
        assertThat(lexicon.lookup("Relative Strength Index")).map(LexiconTerm::canonical).hasValue("rsi");
        assertThat(lexicon.lookup("are s i")).map(LexiconTerm::canonical).hasValue("rsi");
        assertThat(lexicon.lookup("m a c d")).map(LexiconTerm::canonical).hasValue("macd");
        assertThat(lexicon.lookup("bolinger")).map(LexiconTerm::canonical).hasValue("bollinger bands");
        assertThat(lexicon.lookup("stoploss")).map(LexiconTerm::canonical).hasValue("stop loss");
        assertThat(lexicon.lookup("Stop-Loss")).map(LexiconTerm::canonical).hasValue("stop loss");
        assertThat(lexicon.lookup("4-hour")).map(LexiconTerm::category).hasValue(KeywordCategory.TIMEFRAME);
        assertThat(lexicon.lookup("supportive")).isEmpty();
        assertThat(lexicon.term("head and shoulders")).map(LexiconTerm::category)
                .hasValue(KeywordCategory.CHART_PATTERN);
        assertThat(lexicon.term("rsi").orElseThrow().weight())
                .isGreaterThan(lexicon.term("trix").orElseThrow().weight());
    }

    @Test
    void importanceIsTheTermsWeightOrTheDefaultForUnknownNames() {
        assertThat(lexicon.importance("stop loss")).isEqualTo(lexicon.term("stop loss").orElseThrow().weight());
        assertThat(lexicon.importance("a term from an older lexicon")).isEqualTo(LexiconReader.DEFAULT_WEIGHT);
    }

    @Test
    void everySpellingResolvesToItsOwnTerm() {
        KeywordMatcher matcher = new KeywordMatcher(lexicon);
        List<String> wrong = new ArrayList<>();
        for (LexiconTerm term : lexicon.terms()) {
            for (LexiconTerm.Spelling spelling : term.spellings()) {
                // Two-letter abbreviations count only in capitals, so they are written so here.
                String written = spelling.kind() == SpellingKind.ABBREVIATION && spelling.text().length() <= 2
                        ? spelling.text().toUpperCase(Locale.ROOT) : spelling.text();
                if (!lexicon.lookup(written).map(LexiconTerm::canonical).orElse("").equals(term.canonical())) {
                    wrong.add("lookup " + written);
                }
                List<KeywordMatch> matches = matcher.match(written);
                if (matches.size() != 1 || !matches.getFirst().term().equals(term)
                        || !matches.getFirst().matchedText().equals(written)) {
                    wrong.add("match " + written + " -> " + matches);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noSpellingIsListedForTwoTerms() {
        Set<String> seen = new HashSet<>();
        List<String> shared = new ArrayList<>();
        for (LexiconTerm term : lexicon.terms()) {
            Set<String> own = new HashSet<>();
            term.spellings().forEach(s -> own.add(TextNormalizer.key(s.text())));
            own.stream().filter(key -> !seen.add(key)).forEach(shared::add);
        }
        assertThat(shared).isEmpty();
    }

    @Test
    void rejectsASpellingThatNamesTwoTerms() {
        String json = lexiconJson("""
                {"term": "stop loss", "category": "risk_management", "variants": ["stoploss"]},
                {"term": "stop order", "category": "order_type", "variants": ["stop-loss"]}""");

        assertThatThrownBy(() -> read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"stop-loss\" names both \"stop loss\" and \"stop order\"");
    }

    @Test
    void acceptsTheSameSpellingTwiceWithinOneTermKeepingTheBestKind() {
        TradingLexicon small = read(lexiconJson("""
                {"term": "stop loss", "category": "risk_management", "aliases": ["stop-loss"],
                 "variants": ["stop loss", "Stop  Loss"]}"""));

        List<KeywordMatch> matches = new KeywordMatcher(small).match("a stop-loss");
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(SpellingKind.CANONICAL);
            assertThat(m.quality()).isEqualTo(1.0);
        });
    }

    @Test
    void rejectsEmptySpellings() {
        assertThatThrownBy(() -> read(lexiconJson("""
                {"term": "rsi", "category": "technical_indicator", "variants": ["r s i", ""]}""")))
                .hasMessageContaining("term \"rsi\" has an empty variant");
        assertThatThrownBy(() -> read(lexiconJson("""
                {"term": "rsi", "category": "technical_indicator", "aliases": [" - "]}""")))
                .hasMessageContaining("term \"rsi\" has an empty alias");
    }

    @Test
    void reportsEveryProblemOfABrokenLexicon() {
        String json = """
                {"version": "", "terms": [
                  {"term": "RSI", "category": "technical_indicator", "weight": 1.5},
                  {"term": "macd", "category": "indicator", "alias": ["mac d"]},
                  {"term": "ema", "category": "technical_indicator", "variants": "e m a"}
                ]}""";

        assertThatThrownBy(() -> read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("term \"macd\": unknown field \"alias\"")
                .hasMessageContaining("term \"macd\": unknown category \"indicator\"")
                .hasMessageContaining("term \"ema\": \"variants\" must be an array of strings");
        assertThatThrownBy(() -> read(lexiconJson("""
                {"term": "RSI", "category": "technical_indicator", "weight": 1.5},
                {"term": "macd", "category": "technical_indicator"},
                {"term": "macd", "category": "technical_indicator"}""").replace("1.0.0", "")))
                .hasMessageContaining("\"version\" is missing")
                .hasMessageContaining("term \"RSI\": the name must be lower-case")
                .hasMessageContaining("weight 1.5 is outside 0..1")
                .hasMessageContaining("term \"macd\" is defined twice");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> read("{\"version\": \"1.0.0\", \"terms\": [")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("not JSON");
    }

    @Test
    void categoriesHaveStableIds() {
        assertThat(Arrays.stream(KeywordCategory.values()).map(KeywordCategory::id)).containsExactly(
                "technical_indicator", "price_action", "risk_management", "order_type", "market_condition",
                "strategy_type", "timeframe", "chart_pattern", "candlestick");
        assertThat(KeywordCategory.fromId("candlestick")).hasValue(KeywordCategory.CANDLESTICK);
        assertThat(KeywordCategory.fromId("indicator")).isEmpty();
    }

    static String lexiconJson(String terms) {
        return "{\"version\": \"1.0.0\", \"terms\": [" + terms + "]}";
    }

    static TradingLexicon read(String json) {
        return TradingLexicon.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
