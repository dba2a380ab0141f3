# Shared helpers and settings for the local stack. Every setting can be overridden by an env var.
STACK_HOME="${STACK_HOME:-$REPO/.stack}"
JAVA_HOME="${JAVA_HOME_21_PLUS:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

PG_VERSION="${PG_VERSION:-15}"
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
PG_PORT="${PG_PORT:-5432}"
DB_NAME="${DB_NAME:-tradingedu}"
DB_USER="${DB_USER:-tradingedu}"
# empty: generated once into $STACK_HOME/secrets/db-$DB_USER.password (dev_db_password); never a well-known value
DB_PASSWORD="${DB_PASSWORD:-}"
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

# The JDK is the one thing the install step cannot bring (Debian 12 ships Java 17): checked before anything is
# installed, so that a machine without it is told at once rather than after the packages.
require_jdk() {
  [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ] \
    || die "no JDK 21+ at $JAVA_HOME (a JRE has no javac; Debian 12's own is Java 17): install one, e.g. Temurin 25, and set JAVA_HOME_21_PLUS to it"
  local major
  major="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  [ "${major%%.*}" -ge 21 ] || die "JDK at $JAVA_HOME is Java $major; the suite needs Java 21 or newer (JAVA_HOME_21_PLUS)"
  # Debian's Maven 3.8 (Guava) warns about sun.misc.Unsafe on every run under Java 24+; the flag exists from Java 23
  [ "${major%%.*}" -lt 23 ] || case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *)
    export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow${MAVEN_OPTS:+ $MAVEN_OPTS}" ;; esac
}

require_java() {
  require_jdk
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

# The stack's credentials (docs/security.md), made once on its first start and kept under $STACK_HOME/secrets with
# mode 600: admin-key, an admin API key that api-service stores at start-up (SECURITY_BOOTSTRAP_ADMIN_KEY) and the
# scripts send; service-token, which the services send each other (SERVICE_TOKEN). The *-auth-header files hold the
# same secrets as a header that curl reads as a file (-H @file), so that no secret shows in a process list.
SECRETS_DIR="$STACK_HOME/secrets"

ensure_secrets() {
  mkdir -p "$SECRETS_DIR" && chmod 700 "$SECRETS_DIR"
  if [ ! -s "$SECRETS_DIR/admin-key" ]; then
    # te_ + base64url of 32 random bytes (43 characters): the form api-service accepts as an API key
    (umask 077 && printf 'te_%s\n' "$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')" \
      > "$SECRETS_DIR/admin-key")
    log "generated the stack's admin API key: $SECRETS_DIR/admin-key"
  fi
  if [ ! -s "$SECRETS_DIR/service-token" ]; then
    (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$SECRETS_DIR/service-token" \
      && echo >> "$SECRETS_DIR/service-token")
    log "generated the services' shared token: $SECRETS_DIR/service-token"
  fi
  (umask 077 && printf 'Authorization: Bearer %s\n' "$(admin_key)" > "$SECRETS_DIR/admin-auth-header" \
    && printf 'Authorization: Bearer %s\n' "$(service_token)" > "$SECRETS_DIR/service-auth-header")
}

admin_key() { tr -d '[:space:]' < "$SECRETS_DIR/admin-key"; }

# role_password ROLE: the password of a database role of the stack, generated on first use (24 random bytes in hex)
# and kept in $SECRETS_DIR/db-ROLE.password, readable by root only.
role_password() {
  local file="$SECRETS_DIR/db-$1.password"
  if [ ! -s "$file" ]; then
    (umask 077 && mkdir -p "$SECRETS_DIR" && chmod 700 "$SECRETS_DIR" \
      && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file") || die "could not write $file"
  fi
  cat "$file"
}

# The developer's role ($DB_USER) owns the database and is a member of every service role, so whoever logs in as it
# could, say, store an admin API key: its password is DB_PASSWORD when set (at least 16 characters), otherwise
# generated like the services' ones. The integration tests get it as DATABASE_PASSWORD (run_tests); by hand:
#   export DATABASE_PASSWORD="$(sudo cat .stack/secrets/db-tradingedu.password)"
dev_db_password() {
  if [ -n "$DB_PASSWORD" ]; then
    [ "${#DB_PASSWORD}" -ge 16 ] || die "DB_PASSWORD is shorter than 16 characters: leave it unset (the stack generates one) or make it longer"
    printf '%s' "$DB_PASSWORD"
  else
    role_password "$DB_USER"
  fi
}

service_token() { tr -d '[:space:]' < "$SECRETS_DIR/service-token"; }

# curl with the stack's admin key, for every call of the scripts to a service.
api_curl() {
  [ -s "$SECRETS_DIR/admin-auth-header" ] || ensure_secrets
  curl -H "@$SECRETS_DIR/admin-auth-header" "$@"
}
