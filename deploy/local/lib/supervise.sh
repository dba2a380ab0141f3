#!/usr/bin/env bash
# supervise.sh <pid file> <log file> <command...>: runs a service's JVM and starts it again when it exits because it ran
# out of memory (-XX:+ExitOnOutOfMemoryError exits with code 3); any other exit ends the supervision. The JVM's pid is
# kept in <pid file> so that `stack.sh stop` can stop it; SIGTERM to this script stops the JVM and the supervision.
set -u
pid_file="$1" log_file="$2"; shift 2
child=""
trap '[ -n "$child" ] && kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
while true; do
  "$@" >> "$log_file" 2>&1 &
  child=$!
  echo "$child" > "$pid_file"
  wait "$child"
  code=$?
  [ "$code" -eq 3 ] || exit "$code"
  echo "[supervise] $(date -u +%FT%TZ) the JVM ran out of memory (exit 3); starting it again" >> "$log_file"
  sleep 2
done
