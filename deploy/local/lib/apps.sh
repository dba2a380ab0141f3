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
    MEDIA_ROOT="${MEDIA_ROOT:-$STACK_HOME/media}" INGEST_ROOT="${INGEST_ROOT:-$STACK_HOME/ingest}" \
      nohup java -Xmx768m -jar "$jar" > "$APPS_DIR/$name.log" 2>&1 &
    echo $! > "$APPS_DIR/$name.pid"
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
    pid_alive "$APPS_DIR/$name.pid" || continue
    log "stopping $name"
    kill "$(cat "$APPS_DIR/$name.pid")" || true
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
  log "running mvn verify"
  (cd "$REPO" && STACK_HOME="$STACK_HOME" mvn -B verify)
}
