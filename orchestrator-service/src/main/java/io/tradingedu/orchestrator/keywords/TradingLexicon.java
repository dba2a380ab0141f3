package io.tradingedu.orchestrator.keywords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned trading vocabulary ({@code lexicon/trading-lexicon.json}): canonical terms with their category,
 * importance weight, aliases, abbreviations and spoken/ASR variants.
 * <p>
 * Validated when built, so a broken lexicon fails at start-up rather than silently missing keywords: spellings must
 * not be blank, canonical names must be unique and lower-case, weights 0..1, and no spelling may belong to two terms
 * (compared after normalisation, so "stop-loss" and "stop loss" are one spelling). Within one term a repeated
 * spelling is harmless and keeps its best kind (canonical over alias over abbreviation over variant).
 */
public final class TradingLexicon {

    /** Classpath location of the standard lexicon. */
    public static final String RESOURCE = "lexicon/trading-lexicon.json";

    /** A normalised spelling and the term it names. */
    record Entry(String key, LexiconTerm term, SpellingKind kind) {
    }

    private final String version;
    private final List<LexiconTerm> terms;
    private final Map<String, LexiconTerm> byCanonical;
    private final Map<String, Entry> bySpelling;

    private TradingLexicon(String version, List<LexiconTerm> terms, Map<String, LexiconTerm> byCanonical,
                           Map<String, Entry> bySpelling) {
        this.version = version;
        this.terms = terms;
        this.byCanonical = byCanonical;
        this.bySpelling = bySpelling;
    }

    /** The lexicon shipped with the service, read once. */
    public static TradingLexicon standard() {
        return Standard.INSTANCE;
    }

    /** Reads and validates a lexicon in the JSON format of {@link #RESOURCE}. */
    public static TradingLexicon read(InputStream json, String origin) {
        LexiconReader.Parsed parsed = LexiconReader.parse(json, origin);
        return of(parsed.version(), parsed.terms(), origin);
    }

    /** Validates terms into a lexicon; {@code origin} names the source in error messages. */
    public static TradingLexicon of(String version, List<LexiconTerm> terms, String origin) {
        List<String> problems = new ArrayList<>();
        if (version == null || version.isBlank()) {
            problems.add("\"version\" is missing");
        }
        Map<String, LexiconTerm> byCanonical = new LinkedHashMap<>();
        Map<String, Entry> bySpelling = new LinkedHashMap<>();
        for (LexiconTerm term : terms) {
            String canonical = term.canonical();
            if (canonical == null || canonical.isBlank()) {
                problems.add("a term has no name");
                continue;
            }
            if (!canonical.equals(canonical.strip().toLowerCase(Locale.ROOT))) {
                problems.add("term \"" + canonical + "\": the name must be lower-case without outer spaces");
            }
            if (byCanonical.putIfAbsent(canonical, term) != null) {
                problems.add("term \"" + canonical + "\" is defined twice");
            }
            if (term.category() == null) {
                problems.add("term \"" + canonical + "\" has no category");
            }
            if (!(term.weight() >= 0 && term.weight() <= 1)) {
                problems.add("term \"" + canonical + "\": weight " + term.weight() + " is outside 0..1");
            }
            for (LexiconTerm.Spelling spelling : term.spellings()) {
                index(term, spelling, bySpelling, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid trading lexicon " + origin + ": " + String.join("; ", problems));
        }
        return new TradingLexicon(version, List.copyOf(terms), Collections.unmodifiableMap(byCanonical),
                Collections.unmodifiableMap(bySpelling));
    }

    private static void index(LexiconTerm term, LexiconTerm.Spelling spelling, Map<String, Entry> bySpelling,
                              List<String> problems) {
        String text = spelling.text();
        String key = text == null ? "" : TextNormalizer.key(text);
        if (key.chars().noneMatch(Character::isLetterOrDigit)) {
            String kind = spelling.kind().name().toLowerCase(Locale.ROOT);
            problems.add("term \"" + term.canonical() + "\" has an empty " + kind
                    + (text == null ? "" : " \"" + text + "\""));
            return;
        }
        Entry existing = bySpelling.get(key);
        if (existing == null) {
            bySpelling.put(key, new Entry(key, term, spelling.kind()));
        } else if (!existing.term().canonical().equals(term.canonical())) {
            problems.add("\"" + text + "\" names both \"" + existing.term().canonical() + "\" and \""
                    + term.canonical() + "\"");
        }
        // else: the same spelling twice in one term; the first (best) kind stays, spellings() lists the best first
    }

    public String version() {
        return version;
    }

    public List<LexiconTerm> terms() {
        return terms;
    }

    public int size() {
        return terms.size();
    }

    /** The term with this canonical name. */
    public Optional<LexiconTerm> term(String canonical) {
        return Optional.ofNullable(byCanonical.get(canonical));
    }

    /**
     * How central the term with this canonical name is to a trading lesson, 0..1; a name the lexicon does not know
     * (a hit stored under an older lexicon version) gets the weight of a term that declares none.
     */
    public double importance(String canonical) {
        LexiconTerm term = byCanonical.get(canonical);
        return term == null ? LexiconReader.DEFAULT_WEIGHT : term.weight();
    }

    /** The term any spelling (canonical, alias, abbreviation, variant) names, compared after normalisation. */
    public Optional<LexiconTerm> lookup(String spelling) {
        return spelling == null ? Optional.empty()
                : Optional.ofNullable(bySpelling.get(TextNormalizer.key(spelling))).map(Entry::term);
    }

    /** Every normalised spelling, for the matcher's automaton. */
    Iterable<Entry> entries() {
        return bySpelling.values();
    }

    @Override
    public String toString() {
        return "TradingLexicon[version=" + version + ", terms=" + terms.size() + "]";
    }

    private static final class Standard {
        static final TradingLexicon INSTANCE = load();

        private static TradingLexicon load() {
            try (InputStream in = TradingLexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the trading lexicon " + RESOURCE + " is not on the classpath");
                }
                return read(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the trading lexicon " + RESOURCE, e);
            }
        }
    }
}
