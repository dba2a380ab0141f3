# Search benchmark: latency of GET /search and recall@10 of the HNSW ranking against exact search, on N synthetic
# passages (default 100,000; e.g. `bench-search 100000 1000000`). Everything happens in a database of its own
# ($SEARCH_BENCH_DB) served by an embeddings-service of its own on $SEARCH_BENCH_PORT, so the stack's index is never
# touched and no pipeline consumer group is joined. Results: docs/embeddings-benchmark.md ("Search latency").
#
# The passages are clustered like real embeddings: 1,000 centres that are the service's own vectors of distinct
# transcript-like sentences, each passage a centre plus uniform noise of about the centre's length (cosine ~0.7 to its
# centre, ~0.5 to its cluster's other passages), normalised. Text is 20-35 words drawn from a trading vocabulary
# (skewed towards its first words) so that the hybrid search's full-text ranking has realistic work; every hundredth
# passage has the keyword "nr7" (the 1 % filter).
SEARCH_BENCH_DIR="${SEARCH_BENCH_DIR:-$STACK_HOME/bench-search}"
SEARCH_BENCH_DB="${SEARCH_BENCH_DB:-${DB_NAME}_bench}"
SEARCH_BENCH_PORT="${SEARCH_BENCH_PORT:-8014}"
SEARCH_BENCH_QUESTIONS="${SEARCH_BENCH_QUESTIONS:-200}"
SEARCH_BENCH_EF="${SEARCH_BENCH_EF:-40,100,200,400}"
SEARCH_BENCH_BATCH="${SEARCH_BENCH_BATCH:-50000}"
SEARCH_BENCH_MAINTENANCE_MEM="${SEARCH_BENCH_MAINTENANCE_MEM:-4GB}"
# true: keep an index that already holds the asked number of passages (to re-measure without regenerating)
SEARCH_BENCH_REUSE="${SEARCH_BENCH_REUSE:-false}"
SEARCH_BENCH_CENTRES=1000
# per-component uniform noise in [-x/2, x/2]: its length is x·sqrt(384/12) ≈ 1.0 for x = 0.177
SEARCH_BENCH_NOISE=0.177

run_search_benchmark() {
  local sizes=("$@")
  [ "${#sizes[@]}" -gt 0 ] || sizes=(100000)
  local rows
  for rows in "${sizes[@]}"; do
    [[ "$rows" =~ ^[1-9][0-9]*$ ]] && [ "$rows" -ge 1000 ] || die "passages must be a whole number ≥ 1000, not '$rows'"
  done
  mkdir -p "$SEARCH_BENCH_DIR"
  search_bench_build
  search_bench_database
  trap search_bench_service_down EXIT
  search_bench_service_up
  for rows in "${sizes[@]}"; do
    {
      log "search benchmark with $rows passages: $(uptime)"
      search_bench_fill "$rows"
      search_bench_measure
      log "load after: $(uptime)"
    } 2>&1 | tee "$SEARCH_BENCH_DIR/search-$rows.txt"
    [ "${PIPESTATUS[0]}" -eq 0 ] || die "the search benchmark with $rows passages failed"
  done
  search_bench_service_down
  trap - EXIT
  log "results in $SEARCH_BENCH_DIR/search-<rows>.txt (docs/embeddings-benchmark.md records a run)"
}

search_bench_build() {
  log "building embeddings-service and its search benchmark"
  (cd "$REPO" && mvn -q -B -pl embeddings-service -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test) || die "the build failed"
}

search_bench_psql() {
  runuser -u postgres -- psql -h "$PG_RUN" -p "$PG_PORT" -X -q -v ON_ERROR_STOP=1 -d "$SEARCH_BENCH_DB" "$@"
}

# The database (owned by the services' user, with pgvector); embeddings-service's Flyway creates the schema.
search_bench_database() {
  local psql=(runuser -u postgres -- psql -h "$PG_RUN" -p "$PG_PORT" -X -q -v ON_ERROR_STOP=1)
  "${psql[@]}" -d postgres -tAc "select 1 from pg_database where datname = '$SEARCH_BENCH_DB'" | grep -q 1 \
    || "${psql[@]}" -d postgres -c "create database $SEARCH_BENCH_DB owner $DB_USER" \
    || die "could not create the database $SEARCH_BENCH_DB"
  search_bench_psql -c "set client_min_messages = warning" -c "create extension if not exists vector" || die "could not create pgvector in $SEARCH_BENCH_DB"
}

search_bench_service_up() {
  local jar pidfile="$SEARCH_BENCH_DIR/embeddings-service.pid"
  jar="$(ls "$REPO"/embeddings-service/target/embeddings-service-*.jar | grep -v plain | head -n1)"
  port_in_use "$SEARCH_BENCH_PORT" && die "port $SEARCH_BENCH_PORT is taken; set SEARCH_BENCH_PORT"
  log "starting a separate embeddings-service on :$SEARCH_BENCH_PORT over database $SEARCH_BENCH_DB"
  # no Kafka listeners (they would join the pipeline's consumer groups on the shared broker) and no query cache:
  # the benchmark measures the search, not Redis. Its database has no API keys: it is called with the service token.
  ensure_secrets
  local dev_password; dev_password="$(dev_db_password)" || exit 1
  SERVICE_TOKEN="$(service_token)" PORT="$SEARCH_BENCH_PORT" DATABASE_URL="jdbc:postgresql://localhost:$PG_PORT/$SEARCH_BENCH_DB" \
    DATABASE_USER="$DB_USER" DATABASE_PASSWORD="$dev_password" SERVER_ADDRESS=127.0.0.1 QUERY_CACHE_ENABLED=false DJL_OFFLINE=true \
    DJL_CACHE_DIR="$STACK_HOME/cache/djl" EMBEDDING_CACHE_DIR="$STACK_HOME/cache/embeddings" \
    nohup java -Xmx768m -jar "$jar" --spring.kafka.listener.auto-startup=false \
    > "$SEARCH_BENCH_DIR/embeddings-service.log" 2>&1 &
  echo $! > "$pidfile"
  wait_for 180 curl -fsS -H "@$SECRETS_DIR/service-auth-header" "http://localhost:$SEARCH_BENCH_PORT/stats" \
    || die "the benchmark's embeddings-service did not start: see $SEARCH_BENCH_DIR/embeddings-service.log"
}

search_bench_service_down() {
  local pidfile="$SEARCH_BENCH_DIR/embeddings-service.pid"
  pid_alive "$pidfile" || return 0
  local pid; pid="$(cat "$pidfile")"
  log "stopping the benchmark's embeddings-service (peak RSS $(awk '/VmHWM/ {print $2 $3}' "/proc/$pid/status"))"
  kill "$pid" 2>/dev/null || true
  wait_for 30 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# Replaces the passages with $1 synthetic ones: indexes dropped, rows inserted in batches, indexes rebuilt (timed).
search_bench_fill() {
  local rows="$1" model
  model="$(curl -fsS -H "@$SECRETS_DIR/service-auth-header" "http://localhost:$SEARCH_BENCH_PORT/stats" | sed -E 's/.*"model":"([^"]*)".*/\1/')"
  if [ "$SEARCH_BENCH_REUSE" = true ] && [ "$(search_bench_psql -tAc \
      "select count(*) from embeddings.passage where model = '$model'")" = "$rows" ]; then
    log "reusing the $rows passages already indexed (SEARCH_BENCH_REUSE=true)"
    search_bench_sizes
    return 0
  fi
  log "generating $rows passages of model $model: clustered 384-d unit vectors"
  search_bench_generator_tables
  # index definitions are kept in a table, so an interrupted run can still restore them
  search_bench_psql <<SQL || die "could not drop the passage indexes"
INSERT INTO public.bench_index (name, definition)
SELECT c.relname, pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'embeddings.passage'::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
ON CONFLICT (name) DO NOTHING;
TRUNCATE embeddings.passage RESTART IDENTITY;
SELECT format('DROP INDEX IF EXISTS embeddings.%I', name) FROM public.bench_index \gexec
SQL
  local first=0 started=$SECONDS
  while [ "$first" -lt "$rows" ]; do
    local last=$((first + SEARCH_BENCH_BATCH - 1))
    [ "$last" -lt "$rows" ] || last=$((rows - 1))
    search_bench_psql -v first="$first" -v last="$last" -v model="$model" \
      -v seed="$(awk "BEGIN {print $first / ($rows + 1)}")" <<'SQL' || die "inserting passages $first.. failed"
SET enable_memoize = off;  -- a memoized lateral subquery would hand every passage of a centre the same vector
SELECT setseed(:seed) \g /dev/null
INSERT INTO embeddings.passage (media_id, kind, seq, start_seconds, end_seconds, text, keywords, categories, model,
                                dimension, embedding)
SELECT md5('search-bench-' || i / 100)::uuid, 'transcript', i % 100, (i % 100) * 30, (i % 100) * 30 + 30,
       words.text,
       ARRAY[(ARRAY['rsi', 'macd', 'support', 'resistance', 'breakout', 'stop loss', 'moving average', 'volume',
                    'trend', 'candlestick'])[1 + i % 10]]
           || CASE WHEN i % 100 = 37 THEN ARRAY['nr7'] ELSE ARRAY[]::text[] END,
       ARRAY['technical_analysis'], :'model', 384, l2_normalize(vec.v)
FROM generate_series(:first, :last) AS i
CROSS JOIN LATERAL (SELECT 1 + floor(random() * (SELECT count(*) FROM public.bench_centre))::int + 0 * i AS c) AS pick
CROSS JOIN LATERAL (SELECT array_agg(ce.v[d] + m.noise * (random() - 0.5) ORDER BY d)::vector AS v
                    FROM public.bench_centre ce, generate_series(1, 384) AS d,
                         (SELECT value::float8 AS noise FROM public.bench_meta WHERE key = 'noise') AS m
                    WHERE ce.c = pick.c AND d > 0 * i) AS vec
CROSS JOIN LATERAL (SELECT string_agg(voc.words[1 + floor(power(random(), 1.5) * cardinality(voc.words))::int], ' ')
                           AS text
                    FROM public.bench_vocabulary voc, generate_series(1, 20 + i % 16)) AS words;
SQL
    first=$((last + 1))
    log "  $first / $rows passages inserted ($((SECONDS - started)) s)"
  done
  log "inserted $rows passages in $((SECONDS - started)) s; rebuilding the indexes"
  local name definition t0
  while IFS='|' read -r name definition; do
    t0=$(date +%s.%N)
    search_bench_psql -c "SET maintenance_work_mem = '$SEARCH_BENCH_MAINTENANCE_MEM'" \
      -c "SET max_parallel_maintenance_workers = 2" -c "$definition" || die "could not rebuild index $name"
    log "  index $name built in $(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $t0}") s"
  done < <(search_bench_psql -tAc "select name, definition from public.bench_index order by definition like '%hnsw%' desc, name")
  t0=$(date +%s.%N)
  search_bench_psql -c "VACUUM ANALYZE embeddings.passage"
  log "  VACUUM ANALYZE in $(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $t0}") s"
  search_bench_sizes
}

# Fixed-seed generator inputs: centres, vocabulary, and the noise the Java side also needs for its query vectors.
search_bench_generator_tables() {
  search_bench_psql <<SQL || die "could not create the generator tables"
CREATE TABLE IF NOT EXISTS public.bench_index (name text PRIMARY KEY, definition text NOT NULL);
CREATE TABLE IF NOT EXISTS public.bench_meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO public.bench_meta VALUES ('noise', '$SEARCH_BENCH_NOISE'), ('centres', '$SEARCH_BENCH_CENTRES')
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
DROP TABLE IF EXISTS public.bench_centre;
CREATE TABLE public.bench_centre (c int PRIMARY KEY, v real[] NOT NULL);
DROP TABLE IF EXISTS public.bench_vocabulary;
CREATE TABLE public.bench_vocabulary AS SELECT string_to_array(
  'the price so we and trend then stop this loss is breakout a support of resistance to volume candle when you '
  || 'it entry level chart trade high low close market buyers sellers target profit risk reward daily moving '
  || 'average signal pattern pullback momentum reversal confirmation swing day open gap range rsi macd divergence '
  || 'golden cross bull bear flag head shoulders neckline bollinger band squeeze double bottom top vwap fibonacci '
  || 'retracement doji hammer trailing position size account inside bar stochastic oscillator cup handle ema '
  || 'period timeframe lesson strategy backtest setup wick spike earnings news session futures options stock '
  || 'bitcoin forex index sector rotation liquidity spread order book tape scalp hold overnight weekly monthly '
  || 'higher lower highs lows channel wedge triangle pennant continuation exhaustion climax accumulation '
  || 'distribution breakdown retest fakeout trap stopped out scale partial runner risk-free breakeven journal '
  || 'psychology discipline patience plan rules edge expectancy win rate drawdown leverage margin', ' ') AS words;
-- the benchmark reads them as the services' user
ALTER TABLE public.bench_index OWNER TO $DB_USER;
ALTER TABLE public.bench_meta OWNER TO $DB_USER;
ALTER TABLE public.bench_centre OWNER TO $DB_USER;
ALTER TABLE public.bench_vocabulary OWNER TO $DB_USER;
SQL
  search_bench_java centres "$SEARCH_BENCH_CENTRES" || die "could not embed the cluster centres"
}

search_bench_java() {
  local module="$REPO/embeddings-service" mode=()
  [ "$1" = centres ] && { mode=(centres); shift; }
  local cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
  local dev_password; dev_password="$(dev_db_password)" || exit 1
  DATABASE_USER="$DB_USER" DATABASE_PASSWORD="$dev_password" SERVICE_TOKEN="$(service_token)" java -Xmx1g -cp "$cp" \
    io.tradingedu.embeddings.bench.SearchLatencyBench "${mode[@]}" "http://localhost:$SEARCH_BENCH_PORT" \
    "jdbc:postgresql://localhost:$PG_PORT/$SEARCH_BENCH_DB" "$@"
}

search_bench_sizes() {
  log "sizes and PostgreSQL settings"
  search_bench_psql <<'SQL'
SELECT c.relname AS relation, pg_size_pretty(pg_relation_size(c.oid)) AS size
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'embeddings' AND (c.relname = 'passage' OR c.relname LIKE 'passage\_%')
ORDER BY pg_relation_size(c.oid) DESC;
SELECT pg_size_pretty(pg_total_relation_size('embeddings.passage')) AS "passage with indexes and TOAST";
SELECT name, setting, unit FROM pg_settings
WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather',
               'max_parallel_workers', 'max_worker_processes', 'random_page_cost', 'jit')
ORDER BY name;
SELECT extversion AS pgvector FROM pg_extension WHERE extname = 'vector';
SQL
  log "index builds used maintenance_work_mem=$SEARCH_BENCH_MAINTENANCE_MEM, max_parallel_maintenance_workers=2"
}

search_bench_measure() {
  log "measuring: $SEARCH_BENCH_QUESTIONS questions, ef_search $SEARCH_BENCH_EF ($(uptime | sed 's/.*load/load/'))"
  search_bench_java "$SEARCH_BENCH_QUESTIONS" "$SEARCH_BENCH_EF" || die "the search benchmark failed"
  log "service memory: $(awk '/VmHWM|VmRSS/ {printf "%s %s %s  ", $1, $2, $3}' \
    "/proc/$(cat "$SEARCH_BENCH_DIR/embeddings-service.pid")/status")"
}
