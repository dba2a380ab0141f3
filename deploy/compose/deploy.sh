#!/usr/bin/env bash
# shellcheck disable=SC2016  # the single-quoted scripts given to `remote sh -c` expand $1 on the host, on purpose
# deploy/compose/deploy.sh <image-tag>: deploys the published images with that tag to a Docker host over SSH, runs the
# smoke test against it, and goes back to the images that ran before when anything fails (docs/delivery.md).
#
#   1. copies deploy/compose/compose.yml and what it mounts (nginx/, deploy/postgres/, deploy/observability/) to
#      $DEPLOY_DIR on the host, in the repository's layout;
#   2. writes the host's $DEPLOY_DIR/.env (mode 600) from this environment: the secrets (refused when one is missing),
#      IMAGE_REGISTRY, IMAGE_TAG=<image-tag> and the optional settings that are set;
#   3. docker compose pull && up -d --wait (every healthcheck passing, at most $DEPLOY_READY_TIMEOUT seconds);
#   4. deploy/smoke/smoke.sh against $SMOKE_BASE_URL;
#   5. success: the tag is remembered in $DEPLOY_DIR/.image-tag. Failure: the tag remembered from the last successful
#      deploy is written back and brought up again, and the script exits non-zero either way.
#
# Environment (CI takes every one of them from the GitHub environment: docs/delivery.md):
#   DEPLOY_HOST           user@host of the Docker host (Docker Engine with the compose v2 plugin)
#   DEPLOY_KNOWN_HOSTS    the host's public key line(s), as `ssh-keyscan HOST` prints them: the host is verified
#   DEPLOY_DIR            where the files live on the host (default /opt/tradingedu)
#   DEPLOY_SSH_PORT       default 22; the key itself comes from an ssh-agent (SSH_AUTH_SOCK)
#   DEPLOY_READY_TIMEOUT  seconds for every container to be healthy (default 600)
#   IMAGE_REGISTRY        e.g. ghcr.io/owner/repo (images IMAGE_REGISTRY/<service>:<image-tag>)
#   REGISTRY_USERNAME / REGISTRY_PASSWORD  optional: `docker login` on the host before the pull (private images)
#   the secrets of SECRETS below, PUBLIC_URL and the optional settings of SETTINGS below
#   SMOKE_BASE_URL        default PUBLIC_URL; SMOKE_API_KEY (write scope) default SECURITY_BOOTSTRAP_ADMIN_KEY;
#                         SMOKE_RUN_TIMEOUT, SMOKE_SEED_MARKET_DATA as deploy/smoke/smoke.sh describes
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
PROJECT=tradingedu

# Secrets: no defaults anywhere (compose.yml refuses to start without them).
SECRETS=(POSTGRES_PASSWORD TE_API_DB_PASSWORD TE_ORCHESTRATOR_DB_PASSWORD TE_EMBEDDINGS_DB_PASSWORD
  TE_BACKTESTING_DB_PASSWORD SERVICE_TOKEN SECURITY_BOOTSTRAP_ADMIN_KEY GRAFANA_ADMIN_PASSWORD)
# Not secret, required.
REQUIRED=(IMAGE_REGISTRY PUBLIC_URL)
# Optional settings compose.yml reads; written to .env only when set here.
SETTINGS=(HTTP_PORT HTTPS_PORT TLS_DIR TLS_CERTIFICATE TLS_CERTIFICATE_KEY EDGE_SUBNET EDGE_NGINX_IP COMPOSE_PROFILES
  STAGE_WORKERS OLLAMA_URL WHISPER_URL OTEL_EXPORTER_OTLP_ENDPOINT TRACING_SAMPLING_PROBABILITY KAFKA_HEAP KAFKA_MEMORY
  POSTGRES_CPUS POSTGRES_MEMORY API_MEMORY ORCHESTRATOR_CPUS ORCHESTRATOR_MEMORY EMBEDDINGS_CPUS EMBEDDINGS_MEMORY
  BACKTESTING_CPUS BACKTESTING_MEMORY)
# What the host needs of the repository (compose.yml mounts them by paths relative to itself).
FILES=(deploy/compose/compose.yml nginx/nginx.conf nginx/tls-setup.sh deploy/postgres deploy/observability)

log() { printf '[deploy] %s\n' "$*"; }
die() { printf '[deploy] error: %s\n' "$*" >&2; exit 1; }

TAG="${1:-}"
[ $# -eq 1 ] || TAG=""
[ -n "$TAG" ] || die "usage: deploy/compose/deploy.sh <image-tag>   (e.g. sha-<commit> or 1.2.3)"
[[ "$TAG" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die "'$TAG' is not a Docker image tag"

check_environment() {
  local name missing=()
  for name in DEPLOY_HOST DEPLOY_KNOWN_HOSTS "${REQUIRED[@]}" "${SECRETS[@]}"; do
    [ -n "${!name:-}" ] || missing+=("$name")
  done
  [ "${#missing[@]}" -eq 0 ] || die "not set: ${missing[*]} (the GitHub environment's secrets and variables; docs/delivery.md)"
  for name in "${REQUIRED[@]}" "${SECRETS[@]}" "${SETTINGS[@]}"; do
    # one line per variable in .env: no line breaks, no quotes, no $ (compose would interpolate it)
    [[ "${!name:-}" != *[$'\n\r"\x27$']* ]] || die "$name holds a line break, a quote or a \$: not writable to .env"
  done
  for name in ssh scp; do command -v "$name" >/dev/null || die "$name not found: apt-get install openssh-client"; done
  [ -n "${SSH_AUTH_SOCK:-}" ] || die "no ssh-agent (SSH_AUTH_SOCK): start one and add the deploy key (ssh-add)"
}

DEPLOY_DIR="${DEPLOY_DIR:-/opt/tradingedu}"
READY_TIMEOUT="${DEPLOY_READY_TIMEOUT:-600}"

setup_ssh() {
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  printf '%s\n' "$DEPLOY_KNOWN_HOSTS" > "$WORK/known_hosts"
  SSH=(ssh -p "${DEPLOY_SSH_PORT:-22}" -o BatchMode=yes -o StrictHostKeyChecking=yes
    -o "UserKnownHostsFile=$WORK/known_hosts" -o ConnectTimeout=20 -o ServerAliveInterval=30 "$DEPLOY_HOST")
}

# remote ARG...: runs one command on the host, every argument quoted as given (the remote shell sees no expansion).
remote() { "${SSH[@]}" "$(printf '%q ' "$@")"; }

# compose ARG...: docker compose on the host, in the project's directory, with the host's .env.
compose() {
  remote docker compose -p "$PROJECT" --project-directory "$DEPLOY_DIR" --env-file "$DEPLOY_DIR/.env" \
    -f "$DEPLOY_DIR/deploy/compose/compose.yml" "$@"
}

copy_files() {
  log "copying the compose file and its configuration to $DEPLOY_HOST:$DEPLOY_DIR"
  remote mkdir -p "$DEPLOY_DIR"
  # the operator's own files there (a metrics key, certificates) stay: tar only adds and replaces
  tar -C "$REPO" --exclude=metrics-key -czf - "${FILES[@]}" | remote tar -C "$DEPLOY_DIR" -xzf -
}

# write_env TAG: the host's .env for images TAG, sent over SSH's stdin (never on a command line), replaced atomically.
write_env() {
  local tag="$1" name
  {
    echo "# written by deploy/compose/deploy.sh $(date -u +%FT%TZ); do not edit by hand, the next deploy replaces it"
    echo "IMAGE_TAG=$tag"
    for name in "${REQUIRED[@]}" "${SECRETS[@]}"; do echo "$name=${!name}"; done
    for name in "${SETTINGS[@]}"; do [ -z "${!name:-}" ] || echo "$name=${!name}"; done
  } | remote sh -c 'umask 077 && cat > "$1.new" && mv "$1.new" "$1"' sh "$DEPLOY_DIR/.env"
}

registry_login() {
  [ -n "${REGISTRY_PASSWORD:-}" ] || return 0
  local registry="${IMAGE_REGISTRY%%/*}"
  log "logging the host in to $registry"
  printf '%s' "$REGISTRY_PASSWORD" \
    | remote docker login "$registry" --username "${REGISTRY_USERNAME:?set REGISTRY_USERNAME with REGISTRY_PASSWORD}" \
        --password-stdin >/dev/null
}

# up TAG: pulls and starts the images of TAG; returns non-zero unless every container is healthy in time.
up() {
  local tag="$1"
  write_env "$tag" || return 1
  log "pulling the images $IMAGE_REGISTRY/<service>:$tag"
  compose pull --quiet || return 1
  log "starting them; waiting up to ${READY_TIMEOUT}s for every healthcheck"
  compose up -d --remove-orphans --wait --wait-timeout "$READY_TIMEOUT" || { compose ps; return 1; }
}

smoke() {
  SMOKE_BASE_URL="${SMOKE_BASE_URL:-$PUBLIC_URL}" SMOKE_API_KEY="${SMOKE_API_KEY:-$SECURITY_BOOTSTRAP_ADMIN_KEY}" \
    "$REPO/deploy/smoke/smoke.sh"
}

rollback() {
  local previous="$1"
  if [ -z "$previous" ]; then
    log "no earlier successful deploy on this host: nothing to go back to; the failed images stay for inspection"
    return 0
  fi
  log "going back to the images that ran before: $previous"
  if up "$previous"; then
    log "rolled back to $previous; it is healthy"
  else
    log "the rollback to $previous did not become healthy either: look at the host (docker compose ps, logs)"
  fi
}

main() {
  check_environment
  setup_ssh
  remote docker compose version >/dev/null \
    || die "docker compose (v2) does not run on $DEPLOY_HOST: install Docker Engine with the compose plugin there"
  local previous
  previous="$(remote sh -c 'cat "$1" 2>/dev/null || true' sh "$DEPLOY_DIR/.image-tag")"
  log "deploying $TAG to $DEPLOY_HOST (running now: ${previous:-nothing deployed by this script})"
  copy_files
  registry_login
  if up "$TAG" && smoke; then
    printf '%s\n' "$TAG" | remote sh -c 'cat > "$1"' sh "$DEPLOY_DIR/.image-tag"
    log "deployed $TAG"
    return 0
  fi
  log "deploying $TAG failed"
  rollback "$previous"
  exit 1
}

main
