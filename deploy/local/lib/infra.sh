# PostgreSQL (own cluster under $STACK_HOME), Redis and a single-node KRaft Kafka broker.

PG_DATA="$STACK_HOME/postgres/data"
PG_RUN="$STACK_HOME/postgres/run"
REDIS_DIR="$STACK_HOME/redis"
KAFKA_DIR="$STACK_HOME/kafka"

infra_up() {
  postgres_up
  redis_up
  kafka_up
}

infra_down() {
  kafka_down
  redis_down
  postgres_down
}

infra_status() {
  printf '%-12s %s\n' postgres "$(postgres_running && echo "running on :$PG_PORT" || echo stopped)"
  printf '%-12s %s\n' redis "$(redis_running && echo "running on :$REDIS_PORT" || echo stopped)"
  printf '%-12s %s\n' kafka "$(pid_alive "$KAFKA_DIR/kafka.pid" && echo "running on :$KAFKA_PORT" || echo stopped)"
}

pg_as_postgres() { runuser -u postgres -- "$@"; }
postgres_running() { [ -f "$PG_DATA/postmaster.pid" ] && pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

postgres_up() {
  postgres_grant_traversal
  if postgres_running; then
    log "postgres already running"
    postgres_configure_auth && pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" reload >/dev/null
  else
    port_in_use "$PG_PORT" && die "port $PG_PORT is taken by another process (a system PostgreSQL? stop it: pg_ctlcluster $PG_VERSION main stop) or set PG_PORT"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
      log "creating the PostgreSQL cluster in $PG_DATA"
      mkdir -p "$PG_DATA" "$PG_RUN" && chown -R postgres:postgres "$STACK_HOME/postgres"
      chmod 755 "$STACK_HOME"
      pg_as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      cat >> "$PG_DATA/postgresql.conf" <<CONF
listen_addresses = 'localhost'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
max_connections = 200
shared_buffers = 256MB
CONF
    fi
    postgres_configure_auth
    log "starting postgres on :$PG_PORT"
    pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$STACK_HOME/postgres/postgres.log" -w -t 60 start >/dev/null \
      || die "postgres did not start: see $STACK_HOME/postgres/postgres.log"
  fi
  postgres_init_database
}

# The postgres user runs the cluster under $STACK_HOME and reads the SQL files under $REPO as itself. A directory
# above them it may not enter (root's home, /root, is mode 700 on Debian, and a new user clones there) gets an ACL
# entry that lets the postgres user alone pass through it, without listing it; nothing changes where it already can.
postgres_grant_traversal() {
  local target dir granted=()
  for target in "$STACK_HOME" "$REPO/deploy/postgres"; do
    local chain=() ; dir="$target"
    while [ "$dir" != / ]; do chain=("$dir" ${chain[@]+"${chain[@]}"}); dir="$(dirname "$dir")"; done
    for dir in "${chain[@]}"; do
      [ -d "$dir" ] || break
      runuser -u postgres -- test -x "$dir" && continue
      setfacl -m u:postgres:x "$dir" || die "the postgres user cannot enter $dir and setfacl could not let it: put the repository (or STACK_HOME) below a directory every user may enter, e.g. /opt"
      granted+=("$dir")
    done
  done
  [ "${#granted[@]}" -eq 0 ] || log "the postgres user may now pass through (not list) ${granted[*]}: its cluster and SQL files are below"
}

# Who may connect, and how: the stack's own superuser (postgres) on the local socket by peer, every other role with a
# SCRAM password, no trust. Written at every start, so that an older stack's `local all all trust` goes too.
postgres_configure_auth() {
  printf '%s\n' 'local all postgres peer' 'local all all scram-sha-256' \
    'host all all 127.0.0.1/32 scram-sha-256' 'host all all ::1/128 scram-sha-256' > "$PG_DATA/pg_hba.conf"
}

# The developer's role ($DB_USER, which the integration tests use), the database, the vector extension and one role
# per service (deploy/postgres/roles.sql, docs/database.md); each service's Flyway migrations create its schemas.
postgres_init_database() {
  local psql=(runuser -u postgres -- psql -X -h "$PG_RUN" -p "$PG_PORT" -v ON_ERROR_STOP=1 -q)
  # The password is set at every start, so a stack made when it was the well-known "tradingedu" gets the generated
  # one. It reaches psql through its environment (\getenv), not its command line, which every local user can see.
  local dev_password; dev_password="$(dev_db_password)" || exit 1
  TE_DEV_DB_PASSWORD="$dev_password" "${psql[@]}" -d postgres -v dev_role="$DB_USER" -v db="$DB_NAME" <<'SQL' >/dev/null \
    || die "could not create the developer's role $DB_USER and the database $DB_NAME"
\getenv dev_password TE_DEV_DB_PASSWORD
SELECT format('CREATE ROLE %I LOGIN', :'dev_role') WHERE to_regrole(quote_ident(:'dev_role')) IS NULL \gexec
SET password_encryption = 'scram-sha-256';
ALTER ROLE :"dev_role" WITH LOGIN PASSWORD :'dev_password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'dev_role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  "${psql[@]}" -d "$DB_NAME" -f "$REPO/deploy/postgres/init.sql"
  # the passwords reach psql through its environment, not its command line (which every local user can see)
  TE_API_DB_PASSWORD="$(db_password api)" TE_ORCHESTRATOR_DB_PASSWORD="$(db_password orchestrator)" \
    TE_EMBEDDINGS_DB_PASSWORD="$(db_password embeddings)" TE_BACKTESTING_DB_PASSWORD="$(db_password backtesting)" \
    "${psql[@]}" -d "$DB_NAME" -v dev_role="$DB_USER" -f "$REPO/deploy/postgres/roles.sql" >/dev/null \
    || die "could not create the services' database roles (deploy/postgres/roles.sql)"
  postgres_assign_owners
}

# Everything in a service's schemas belongs to the service's role (deploy/postgres/owners.sql): a stack created before
# the per-service roles, and what the integration tests created as $DB_USER, change hands. Run before the services
# start: they could not alter objects another role owns.
postgres_assign_owners() {
  runuser -u postgres -- psql -X -q -h "$PG_RUN" -p "$PG_PORT" -v ON_ERROR_STOP=1 -d "$DB_NAME" \
    -f "$REPO/deploy/postgres/owners.sql" 2>&1 | sed 's/^.*NOTICE:  owners.sql: /[stack] /' \
    || die "could not give the services' schemas to their roles (deploy/postgres/owners.sql)"
}

# db_password SERVICE: the password of the service's database role (te_SERVICE), generated on first use and kept in
# $STACK_HOME/secrets, readable by root only (role_password, common.sh).
db_password() { role_password "te_$1"; }

# Fast shutdown (a smart one waits for pooled connections forever); if that does not end within 30 s, immediate
# shutdown, and a postmaster that survives even that is killed (its backends exit when they see it gone).
postgres_down() {
  postgres_running || return 0
  log "stopping postgres"
  local pid; pid="$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  # pg_ctl returns when the pid file is gone, a moment before the postmaster itself
  if pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
    wait_for 10 bash -c "! kill -0 $pid" || true; return 0
  fi
  warn "postgres did not stop within 30 s; immediate shutdown"
  if pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1; then
    wait_for 10 bash -c "! kill -0 $pid" || true; return 0
  fi
  [ -n "$pid" ] && stop_process postgres "$pid" 0
}

redis_running() { pid_alive "$REDIS_DIR/redis.pid"; }

redis_up() {
  if redis_running; then log "redis already running"; return 0; fi
  if port_in_use "$REDIS_PORT"; then
    [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] \
      && { log "a Redis server already answers on :$REDIS_PORT; using it"; return 0; } \
      || die "port $REDIS_PORT is taken by something that is not Redis; free it or set REDIS_PORT"
  fi
  mkdir -p "$REDIS_DIR"
  log "starting redis on :$REDIS_PORT"
  redis-server --daemonize yes --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --save '' --appendonly no
  wait_for 20 redis-cli -p "$REDIS_PORT" ping || die "redis did not start: see $REDIS_DIR/redis.log"
}

redis_down() {
  redis_running || return 0
  log "stopping redis"
  stop_process redis "$(cat "$REDIS_DIR/redis.pid")" 10
  rm -f "$REDIS_DIR/redis.pid"
}

kafka_up() {
  if pid_alive "$KAFKA_DIR/kafka.pid"; then log "kafka already running"; return 0; fi
  port_in_use "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process; free it or set KAFKA_PORT"
  port_in_use "$KAFKA_CONTROLLER_PORT" && die "port $KAFKA_CONTROLLER_PORT is taken by another process; free it or set KAFKA_CONTROLLER_PORT"
  mkdir -p "$KAFKA_DIR/data"
  cat > "$KAFKA_DIR/server.properties" <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
CONF
  local cp="$KAFKA_DIR/libs/*"
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
    java -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >/dev/null \
      || die "could not format Kafka's storage in $KAFKA_DIR/data"
  fi
  log "starting kafka on :$KAFKA_PORT"
  nohup java -Xms256m -Xmx512m -cp "$cp" kafka.Kafka "$KAFKA_DIR/server.properties" \
    > "$KAFKA_DIR/kafka.log" 2>&1 &
  echo $! > "$KAFKA_DIR/kafka.pid"
  wait_for 60 port_in_use "$KAFKA_PORT" || die "kafka did not start: see $KAFKA_DIR/kafka.log"
}

kafka_down() {
  pid_alive "$KAFKA_DIR/kafka.pid" || return 0
  log "stopping kafka"
  # a controlled shutdown moves the partitions' leadership first: give it 30 s
  stop_process kafka "$(cat "$KAFKA_DIR/kafka.pid")" 30
  rm -f "$KAFKA_DIR/kafka.pid"
}

# stop_process NAME PID SECONDS: SIGTERM, wait up to SECONDS for the process to end, then SIGKILL and wait until it is
# gone, so that `stack.sh down` returns only when the port and the data directory are free.
stop_process() {
  local name="$1" pid="$2" grace="$3"
  kill -0 "$pid" 2>/dev/null || return 0
  if [ "$grace" -gt 0 ]; then
    kill "$pid" 2>/dev/null || true
    wait_for "$grace" bash -c "! kill -0 $pid" && return 0
    warn "$name (pid $pid) did not stop within $grace s; killing it"
  fi
  kill -9 "$pid" 2>/dev/null || true
  wait_for 10 bash -c "! kill -0 $pid" || die "$name (pid $pid) survived SIGKILL"
}

# dlt_replay TOPIC: sends the dead letters of TOPIC-dlt back to TOPIC (those not replayed before), e.g. after the bug
# that sent them there is fixed (io.tradingedu.support.messaging.DeadLetterReplay, docs/pipeline.md).
dlt_replay() {
  local topic="${1:-}"
  [ -n "$topic" ] || die "usage: stack.sh dlt-replay TOPIC (e.g. pipeline.validate.commands.v1)"
  pid_alive "$KAFKA_DIR/kafka.pid" || die "kafka is not running: stack.sh up"
  local jar; jar="$(ls "$REPO"/service-support/target/service-support-*.jar 2>/dev/null | grep -v sources | head -n1)"
  if [ -z "$jar" ]; then
    build_suite
    jar="$(ls "$REPO"/service-support/target/service-support-*.jar | grep -v sources | head -n1)"
  fi
  KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" java -cp "$KAFKA_DIR/libs/*:$jar" \
    io.tradingedu.support.messaging.DeadLetterReplay "$topic"
}
