package io.tradingedu.embeddings.bench;

import com.pgvector.PGvector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search latency through the REST endpoint and recall@10 of the HNSW ranking against exact search, on an index filled
 * by {@code deploy/local/stack.sh bench-search} (deploy/local/lib/searchbench.sh) with synthetic passages. Not a test:
 * results go to docs/embeddings-benchmark.md.
 *
 * <p>Arguments: the service's base URL, the JDBC URL of its database, the number of questions (default 200), the
 * ef_search values to sweep (default 40,100,200,400); or {@code centres <base-url> <jdbc-url> [count]} to store the
 * generator's cluster centres first. The database user and password come from DATABASE_USER and
 * DATABASE_PASSWORD (default tradingedu). Run order matters for the latencies: the exact and HNSW SQL passes come
 * first, so the REST pass meets a warm page cache, as a service in steady use does.
 */
public final class SearchLatencyBench {

    /** The 1 % keyword the generator gives every hundredth passage. */
    static final String RARE_KEYWORD = "nr7";
    private static final int TOP_K = 10;
    /** What HybridSearch asks the vector ranking for with top_k 10: max(50, top_k × candidates per hit 3). */
    private static final int SERVICE_CANDIDATES = 50;
    private static final int WARM_UP = 20;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final Connection db;
    private final String model;
    private final int dimension;

    private SearchLatencyBench(String baseUrl, Connection db) throws Exception {
        this.baseUrl = baseUrl;
        this.db = db;
        JsonNode stats = getJson("/stats");
        this.model = stats.get("model").asString();
        this.dimension = stats.get("dimension").asInt();
    }

    public static void main(String[] args) throws Exception {
        boolean centres = args.length > 0 && args[0].equals("centres");
        String[] rest = centres ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (rest.length < 2) {
            throw new IllegalArgumentException("usage: SearchLatencyBench [centres] <base-url> <jdbc-url> "
                    + "[questions | centres] [ef,ef,…]");
        }
        String user = System.getenv().getOrDefault("DATABASE_USER", "tradingedu");
        String password = System.getenv().getOrDefault("DATABASE_PASSWORD", "tradingedu");
        try (Connection db = DriverManager.getConnection(rest[1], user, password)) {
            SearchLatencyBench bench = new SearchLatencyBench(rest[0], db);
            if (centres) {
                bench.storeCentres(rest.length > 2 ? Integer.parseInt(rest[2]) : 1000);
                return;
            }
            int count = rest.length > 2 ? Integer.parseInt(rest[2]) : 200;
            int[] efs = List.of((rest.length > 3 ? rest[3] : "40,100,200,400").split(",")).stream()
                    .mapToInt(Integer::parseInt).toArray();
            bench.run(TradingQuestions.first(count), efs);
        }
    }

    /**
     * The generator's cluster centres: the service's vectors of distinct transcript-like sentences, so that the
     * synthetic passages lie where real trading text lies and a question lands near the clusters it is about.
     */
    private void storeCentres(int count) throws Exception {
        List<String> sentences = TradingQuestions.statements(count);
        try (PreparedStatement st = db.prepareStatement("INSERT INTO public.bench_centre (c, v) VALUES (?, ?)")) {
            for (int from = 0; from < sentences.size(); from += 256) {
                List<float[]> vectors = embedAll(sentences.subList(from, Math.min(from + 256, sentences.size())));
                for (int i = 0; i < vectors.size(); i++) {
                    Float[] boxed = new Float[vectors.get(i).length];
                    for (int d = 0; d < boxed.length; d++) {
                        boxed[d] = vectors.get(i)[d];
                    }
                    st.setInt(1, from + i + 1);
                    st.setArray(2, db.createArrayOf("float4", boxed));
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
        System.out.printf(Locale.ROOT, "%d cluster centres: the vectors of %d distinct transcript-like sentences%n",
                sentences.size(), sentences.size());
    }

    private void run(List<String> questions, int[] efs) throws Exception {
        long rows = scalar("SELECT count(*) FROM embeddings.passage WHERE dimension = " + dimension
                + " AND model = '" + model.replace("'", "''") + "'");
        long rare = scalar("SELECT count(*) FROM embeddings.passage WHERE keywords @> ARRAY['" + RARE_KEYWORD + "']");
        System.out.printf(Locale.ROOT, "model %s, dimension %d, %,d passages, %,d (%.2f %%) with keyword %s, "
                + "%d questions%n%n", model, dimension, rows, rare, 100.0 * rare / rows, RARE_KEYWORD, questions.size());

        // the vector the service computes for each question (one text per request: int8 vectors depend on the batch)
        List<float[]> textVectors = new ArrayList<>();
        for (String question : questions) {
            textVectors.add(embed(question));
        }
        List<float[]> sampleVectors = inDistribution(questions.size());

        System.out.println("### Query plans");
        System.out.println();
        System.out.println("- unfiltered HNSW: " + plan(textVectors.get(0), null, 100, SERVICE_CANDIDATES));
        System.out.println("- keyword-filtered HNSW: " + plan(textVectors.get(0), RARE_KEYWORD, 100, SERVICE_CANDIDATES));
        System.out.println("- exact: " + exactPlan(textVectors.get(0), null));
        System.out.println("- exact, keyword-filtered: " + exactPlan(textVectors.get(0), RARE_KEYWORD));
        System.out.println();

        // ground truth: one pass over every stored vector for all three query sets
        List<ExactNeighbours.Query> all = new ArrayList<>();
        textVectors.forEach(v -> all.add(new ExactNeighbours.Query(v, false)));
        textVectors.forEach(v -> all.add(new ExactNeighbours.Query(v, true)));
        sampleVectors.forEach(v -> all.add(new ExactNeighbours.Query(v, false)));
        long started = System.nanoTime();
        List<List<String>> truth = ExactNeighbours.topK(db, model, dimension, RARE_KEYWORD, all, TOP_K);
        int n = questions.size();
        List<List<String>> exact = truth.subList(0, n);
        List<List<String>> exactFiltered = truth.subList(n, 2 * n);
        List<List<String>> exactSample = truth.subList(2 * n, 3 * n);
        System.out.printf(Locale.ROOT, "Exact top-10 of %d query vectors in one pass over the table: %.1f s%n",
                all.size(), (System.nanoTime() - started) / 1e9);

        // exact SQL for a few queries: its latency, and a check that the pass above agrees with PostgreSQL
        int checked = Math.min(10, n);
        Latencies exactTime = new Latencies(checked);
        Latencies exactFilteredTime = new Latencies(checked);
        List<List<String>> sqlExact = exactAll(textVectors.subList(0, checked), null, exactTime);
        List<List<String>> sqlExactFiltered = exactAll(textVectors.subList(0, checked), RARE_KEYWORD, exactFilteredTime);
        double agreement = 0;
        for (int i = 0; i < checked; i++) {
            agreement += recall(sqlExact.get(i), exact.get(i)) + recall(sqlExactFiltered.get(i), exactFiltered.get(i));
        }
        System.out.printf(Locale.ROOT, "Exact SQL (no index) on %d questions agrees with it: %.3f%n%n", checked,
                agreement / (2 * checked));

        System.out.println("### Recall@10 and latency of the HNSW ranking (SQL through JDBC, no REST)");
        System.out.println();
        System.out.println("| queries | filter | ef_search | LIMIT | recall@10 | p50 ms | p95 ms | p99 ms | mean ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.println("| question vectors (first " + checked + ") | none | exact (no index) | 10 | 1.000 | " + exactTime.cells() + " |");
        System.out.println("| question vectors (first " + checked + ") | keyword " + RARE_KEYWORD + " (1 %) | exact (no index) | 10 | 1.000 | "
                + exactFilteredTime.cells() + " |");
        for (int limit : new int[] {TOP_K, SERVICE_CANDIDATES}) {
            for (int ef : efs) {
                sweep("question vectors", "none", textVectors, exact, null, ef, limit);
            }
        }
        for (int ef : efs) {
            sweep("question vectors", "keyword " + RARE_KEYWORD + " (1 %)", textVectors, exactFiltered, RARE_KEYWORD,
                    ef, SERVICE_CANDIDATES);
        }
        for (int limit : new int[] {TOP_K, SERVICE_CANDIDATES}) {
            for (int ef : efs) {
                sweep("in-distribution vectors", "none", sampleVectors, exactSample, null, ef, limit);
            }
        }
        System.out.println();

        System.out.println("### Through the REST endpoint (GET /search?top_k=10, sequential, client-side)");
        System.out.println();
        System.out.println("| mode | filter | recall@10 | p50 ms | p95 ms | p99 ms | mean ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        rest(questions, "vector", null, exact);
        rest(questions, "hybrid", null, null);
        rest(questions, "vector", RARE_KEYWORD, exactFiltered);
        rest(questions, "hybrid", RARE_KEYWORD, null);
        System.out.println();
        textMatches(questions.subList(0, Math.min(20, questions.size())));
    }

    /** Recall@10 and latency of the service's nearest-neighbour SQL at one ef_search and LIMIT. */
    private void sweep(String label, String filter, List<float[]> vectors, List<List<String>> exact, String keyword,
                       int ef, int limit) throws SQLException {
        Latencies time = new Latencies(vectors.size());
        double recall = 0;
        for (int i = 0; i < vectors.size(); i++) {
            long start = System.nanoTime();
            List<String> found = nearest(vectors.get(i), keyword, ef, limit);
            time.add(System.nanoTime() - start);
            recall += recall(found, exact.get(i));
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.3f | %s |%n", label, filter, Math.max(ef, limit), limit,
                recall / vectors.size(), time.cells());
    }

    private void rest(List<String> questions, String mode, String keyword, List<List<String>> exact) throws Exception {
        for (String question : questions.subList(0, Math.min(WARM_UP, questions.size()))) {
            search(question, mode, keyword);
        }
        Latencies time = new Latencies(questions.size());
        double recall = 0;
        for (int i = 0; i < questions.size(); i++) {
            long start = System.nanoTime();
            List<String> hits = search(questions.get(i), mode, keyword);
            time.add(System.nanoTime() - start);
            if (exact != null) {
                recall += recall(hits, exact.get(i));
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", mode,
                keyword == null ? "none" : "keyword " + keyword + " (1 %)",
                exact == null ? "–" : String.format(Locale.ROOT, "%.3f", recall / questions.size()), time.cells());
    }

    /** How many passages the hybrid search's full-text ranking has to rank for a question (its words OR-ed). */
    private void textMatches(List<String> questions) throws SQLException {
        long total = 0;
        long most = 0;
        try (PreparedStatement st = db.prepareStatement("""
                SELECT count(*) FROM embeddings.passage,
                     CAST(replace(CAST(plainto_tsquery('english', ?) AS text), '&', '|') AS tsquery) AS words
                WHERE text_search @@ words""")) {
            for (String question : questions) {
                st.setString(1, question);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total += rs.getLong(1);
                    most = Math.max(most, rs.getLong(1));
                }
            }
        }
        System.out.printf(Locale.ROOT, "Full-text matches per question (first %d questions): mean %,d, max %,d "
                + "(hybrid ranks all of them with ts_rank_cd before keeping 50).%n", questions.size(),
                total / questions.size(), most);
    }

    private static double recall(List<String> found, List<String> exact) {
        Set<String> truth = new HashSet<>(exact);
        long hits = found.stream().limit(TOP_K).filter(truth::contains).count();
        return (double) hits / Math.min(TOP_K, exact.size());
    }

    // ---- SQL: the same statement as PassageRankings.nearest, and the exact ranking it approximates

    private String cast() {
        return "vector(" + dimension + ")";
    }

    private String nearestSql(String keyword) {
        return """
                SELECT media_id, start_seconds, 1 - (embedding::%1$s <=> CAST(? AS %1$s)) AS similarity
                FROM embeddings.passage
                WHERE dimension = %2$d AND model = ?%3$s
                ORDER BY embedding::%1$s <=> CAST(? AS %1$s)
                LIMIT ?""".formatted(cast(), dimension,
                keyword == null ? "" : " AND keywords @> ARRAY[CAST(? AS text)]");
    }

    private List<String> nearest(float[] vector, String keyword, int ef, int limit) throws SQLException {
        return inTransaction(List.of("SET LOCAL hnsw.ef_search = " + Math.max(ef, limit),
                "SET LOCAL hnsw.iterative_scan = relaxed_order"), () -> ranked(vector, keyword, limit, true));
    }

    private List<List<String>> exactAll(List<float[]> vectors, String keyword, Latencies time) throws SQLException {
        List<List<String>> all = new ArrayList<>(vectors.size());
        for (float[] vector : vectors) {
            long start = System.nanoTime();
            all.add(inTransaction(List.of("SET LOCAL enable_indexscan = off"),
                    () -> ranked(vector, keyword, TOP_K, false)));
            time.add(System.nanoTime() - start);
        }
        return all;
    }

    /** Keys (media id / start second) of the rows found, most similar first; HNSW's relaxed order re-sorted. */
    private List<String> ranked(float[] vector, String keyword, int limit, boolean resort) throws SQLException {
        record Row(String key, double similarity) {
        }
        List<Row> rows = new ArrayList<>(limit);
        try (PreparedStatement st = db.prepareStatement(nearestSql(keyword))) {
            bind(st, vector, keyword, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(key(rs.getString(1), rs.getDouble(2)), rs.getDouble(3)));
                }
            }
        }
        if (resort) {
            rows.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        }
        return rows.stream().map(Row::key).toList();
    }

    private void bind(PreparedStatement st, float[] vector, String keyword, int limit) throws SQLException {
        int i = 1;
        st.setObject(i++, new PGvector(vector));
        st.setString(i++, model);
        if (keyword != null) {
            st.setString(i++, keyword);
        }
        st.setObject(i++, new PGvector(vector));
        st.setInt(i, limit);
    }

    private String plan(float[] vector, String keyword, int ef, int limit) throws SQLException {
        return inTransaction(List.of("SET LOCAL hnsw.ef_search = " + Math.max(ef, limit),
                "SET LOCAL hnsw.iterative_scan = relaxed_order"), () -> explain(vector, keyword, limit));
    }

    private String exactPlan(float[] vector, String keyword) throws SQLException {
        return inTransaction(List.of("SET LOCAL enable_indexscan = off"), () -> explain(vector, keyword, TOP_K));
    }

    /** The plan's node lines, joined: enough to see which index (if any) a ranking used. */
    private String explain(float[] vector, String keyword, int limit) throws SQLException {
        StringJoiner nodes = new StringJoiner(" → ");
        try (PreparedStatement st = db.prepareStatement("EXPLAIN (COSTS OFF) " + nearestSql(keyword))) {
            bind(st, vector, keyword, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getString(1).strip();
                    if (!line.contains(":")) {
                        nodes.add(line.replace("->", "").strip());
                    }
                }
            }
        }
        return "`" + nodes + "`";
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(List<String> settings, Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            try (Statement st = db.createStatement()) {
                for (String setting : settings) {
                    st.execute(setting);
                }
            }
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Vectors drawn like the stored ones (a generator centre plus noise, normalised) but not stored: queries that
     * land inside the data's clusters, as real questions land among the passages that answer them.
     */
    private List<float[]> inDistribution(int count) throws SQLException {
        double noise;
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM public.bench_meta WHERE key = 'noise'")) {
            if (!rs.next()) {
                throw new IllegalStateException("public.bench_meta has no noise: fill the index with bench-search");
            }
            noise = Double.parseDouble(rs.getString(1));
        }
        List<float[]> centres = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM public.bench_centre ORDER BY c")) {
            while (rs.next()) {
                Float[] v = (Float[]) rs.getArray(1).getArray();
                float[] centre = new float[v.length];
                for (int d = 0; d < v.length; d++) {
                    centre[d] = v[d];
                }
                centres.add(centre);
            }
        }
        Random random = new Random(11);
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] centre = centres.get(random.nextInt(centres.size()));
            float[] v = new float[centre.length];
            double norm = 0;
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) (centre[d] + noise * (random.nextDouble() - 0.5));
                norm += v[d] * v[d];
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            vectors.add(v);
        }
        return vectors;
    }

    private static String key(String mediaId, double startSeconds) {
        return mediaId + "/" + Math.round(startSeconds);
    }

    // ---- REST

    private List<String> search(String question, String mode, String keyword) throws Exception {
        String path = "/search?top_k=" + TOP_K + "&mode=" + mode + "&query="
                + URLEncoder.encode(question, StandardCharsets.UTF_8)
                + (keyword == null ? "" : "&keyword=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8));
        List<String> keys = new ArrayList<>(TOP_K);
        for (JsonNode hit : getJson(path).get("hits")) {
            keys.add(key(hit.get("media_id").asString(), hit.get("start_seconds").asDouble()));
        }
        return keys;
    }

    private float[] embed(String text) throws Exception {
        return embedAll(List.of(text)).get(0);
    }

    private List<float[]> embedAll(List<String> texts) throws Exception {
        String body = JSON.writeValueAsString(Map.of("texts", texts));
        HttpRequest request = withCredential(HttpRequest.newBuilder(URI.create(baseUrl + "/embed")))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (JsonNode vector : JSON.readTree(send(request)).get("vectors")) {
            float[] v = new float[vector.size()];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) vector.get(d).asDouble();
            }
            vectors.add(v);
        }
        return vectors;
    }

    private JsonNode getJson(String path) throws Exception {
        return JSON.readTree(send(withCredential(HttpRequest.newBuilder(URI.create(baseUrl + path)))
                .timeout(Duration.ofSeconds(60)).GET().build()));
    }

    /** The service checks credentials: the stack's service token, from the environment (searchbench.sh sets it). */
    private static HttpRequest.Builder withCredential(HttpRequest.Builder request) {
        String token = System.getenv("SERVICE_TOKEN");
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token.strip());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
