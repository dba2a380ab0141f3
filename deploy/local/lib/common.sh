# Shared helpers and settings for the local stack. Every setting can be overridden by an env var.
STACK_HOME="${STACK_HOME:-$REPO/.stack}"
JAVA_HOME="${JAVA_HOME_21_PLUS:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

PG_VERSION="${PG_VERSION:-15}"
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
PG_PORT="${PG_PORT:-5432}"
DB_NAME="${DB_NAME:-tradingedu}"
DB_USER="${DB_USER:-tradingedu}"
DB_PASSWORD="${DB_PASSWORD:-tradingedu}"
REDIS_PORT="${REDIS_PORT:-6379}"
KAFKA_VERSION="${KAFKA_VERSION:-4.1.2}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"

log()  { printf '\033[1;34m[stack]\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m[stack]\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31m[stack] error:\033[0m %s\n' "$*" >&2; exit 1; }

require_root() {
  [ "$(id -u)" -eq 0 ] || die "run as root (it installs Debian packages and starts PostgreSQL as the postgres user): sudo $0 $*"
  command -v apt-get >/dev/null || die "apt-get not found: the local stack needs Debian 12 (bookworm) or a compatible system"
}

require_java() {
  [ -x "$JAVA_HOME/bin/java" ] || die "no JDK at $JAVA_HOME: install a JDK 21+ and set JAVA_HOME_21_PLUS to it"
  local major
  major="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  [ "${major%%.*}" -ge 21 ] || die "JDK at $JAVA_HOME is Java $major; the suite needs Java 21 or newer"
  command -v mvn >/dev/null || die "Maven not found: apt-get install maven"
}

# True when something listens on TCP port $1 on this machine.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Wait until command "$2..." succeeds, at most $1 seconds.
wait_for() {
  local timeout="$1"; shift
  local waited=0
  until "$@" >/dev/null 2>&1; do
    sleep 1; waited=$((waited + 1))
    [ "$waited" -lt "$timeout" ] || return 1
  done
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
