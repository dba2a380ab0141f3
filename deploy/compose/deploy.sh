#!/usr/bin/env bash
# shellcheck disable=SC2016  # the single-quoted scripts given to `remote sh -c` expand $1 on the host, on purpose
# deploy/compose/deploy.sh <image-tag>: deploys the published images with that tag to a Docker host over SSH, runs the
# smoke test against it, and goes back to the images that ran before when anything fails (docs/delivery.md).
#
#   1. copies deploy/compose/compose.yml and what it mounts (nginx/, deploy/postgres/, deploy/observability/) to
#      $DEPLOY_DIR on the host, in the repository's layout (deploy/compose/layout.sh);
#   2. writes the host's $DEPLOY_DIR/.env (mode 600) from this environment: the secrets (refused when one is missing),
#      IMAGE_REGISTRY, IMAGE_TAG=<image-tag> and the optional settings that are set;
#   3. docker compose pull && up -d --wait (every healthcheck passing, at most $DEPLOY_READY_TIMEOUT seconds);
#   4. deploy/smoke/smoke.sh against $SMOKE_BASE_URL;
#   5. success: the tag is remembered in $DEPLOY_DIR/.image-tag, the copied files in .deployed.tgz and the .env in
#      .deployed.env. Failure: those files and that .env of the last successful deploy are put back, its images
#      brought up again, and the script exits non-zero either way (what a rollback does not undo: docs/delivery.md).
#
# Environment (CI takes every one of them from the GitHub environment: docs/delivery.md):
#   DEPLOY_HOST           user@host of the Docker host (Docker Engine with the compose v2 plugin)
#   DEPLOY_KNOWN_HOSTS    the host's public key line(s), as `ssh-keyscan HOST` prints them: the host is verified
#   DEPLOY_DIR            where the files live on the host (default /opt/tradingedu); created when the deploy user
#                         may, otherwise create it once as root: sudo install -d -o <deploy user> /opt/tradingedu
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
# shellcheck source=SCRIPTDIR/layout.sh
. "$HERE/layout.sh"

# Secrets: no defaults anywhere (compose.yml refuses to start without them).
SECRETS=(POSTGRES_PASSWORD TE_API_DB_PASSWORD TE_ORCHESTRATOR_DB_PASSWORD TE_EMBEDDINGS_DB_PASSWORD
  TE_BACKTESTING_DB_PASSWORD SERVICE_TOKEN SECURITY_BOOTSTRAP_ADMIN_KEY GRAFANA_ADMIN_PASSWORD)
# Not secret, required.
REQUIRED=(IMAGE_REGISTRY PUBLIC_URL)
# Optional settings compose.yml reads; written to .env only when set here.
SETTINGS=(HTTP_PORT HTTPS_PORT TLS_DIR TLS_CERTIFICATE TLS_CERTIFICATE_KEY EDGE_SUBNET EDGE_NGINX_IP COMPOSE_PROFILES
  STAGE_WORKERS OLLAMA_URL WHISPER_URL OTEL_EXPORTER_OTLP_ENDPOINT TRACING_SAMPLING_PROBABILITY KAFKA_HEAP KAFKA_MEMORY
  POSTGRES_CPUS POSTGRES_MEMORY API_MEMORY ORCHESTRATOR_CPUS ORCHESTRATOR_MEMORY ORCHESTRATOR_JAVA_TOOL_OPTIONS
  EMBEDDINGS_CPUS EMBEDDINGS_MEMORY BACKTESTING_CPUS BACKTESTING_MEMORY)

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

# compose ARG...: docker compose on the host with the host's .env, as layout.sh defines it.
compose() {
  local COMPOSE_HOST_ARGS
  compose_host_args "$DEPLOY_DIR"
  remote docker compose "${COMPOSE_HOST_ARGS[@]}" "$@"
}

# copy_files: unpacks the version's files on the host and keeps the same archive as .deploying.tgz; a successful
# deploy turns it into .deployed.tgz, the tree a later failed deploy goes back to.
copy_files() {
  log "copying the compose file and its configuration to $DEPLOY_HOST:$DEPLOY_DIR"
  remote mkdir -p "$DEPLOY_DIR" || die "cannot create $DEPLOY_DIR on $DEPLOY_HOST: create it once as root" \
    "(sudo install -d -o <deploy user> $DEPLOY_DIR) or set DEPLOY_DIR to a directory the deploy user owns"
  pack_host_files "$REPO" | remote sh -c 'cd "$1" && tee .deploying.tgz | tar -xzf -' sh "$DEPLOY_DIR"
}

# remember_deployed TAG: the tag, the files and the .env that are now healthy, for the next deploy's rollback.
remember_deployed() {
  remote sh -c 'cd "$1" && mv .deploying.tgz .deployed.tgz && cp -p .env .deployed.env && echo "$2" > .image-tag' \
    sh "$DEPLOY_DIR" "$1"
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

# up TAG: writes the .env for TAG and starts it.
up() {
  write_env "$1" || return 1
  start "$1"
}

# start TAG: pulls and starts the images the host's .env names; non-zero unless every container is healthy in time.
start() {
  log "pulling the images $IMAGE_REGISTRY/<service>:$1"
  compose pull --quiet || return 1
  log "starting them; waiting up to ${READY_TIMEOUT}s for every healthcheck"
  compose up -d --remove-orphans --wait --wait-timeout "$READY_TIMEOUT" || { compose ps; return 1; }
}

smoke() {
  SMOKE_BASE_URL="${SMOKE_BASE_URL:-$PUBLIC_URL}" SMOKE_API_KEY="${SMOKE_API_KEY:-$SECURITY_BOOTSTRAP_ADMIN_KEY}" \
    "$REPO/deploy/smoke/smoke.sh"
}

rollback() {
  local previous="$1" bring_up
  if [ -z "$previous" ]; then
    log "no earlier successful deploy on this host: nothing to go back to; the failed images stay for inspection"
    return 0
  fi
  log "going back to the images, files and .env of the last successful deploy: $previous"
  # hosts first deployed by an older deploy.sh have a tag but no saved tree: then only the images go back
  if remote sh -c 'cd "$1" && test -f .deployed.tgz && test -f .deployed.env' sh "$DEPLOY_DIR"; then
    remote sh -c 'cd "$1" && tar -xzf .deployed.tgz && cp -p .deployed.env .env' sh "$DEPLOY_DIR" || {
      log "restoring the files of $previous failed: look at the host"; return 0; }
    bring_up=(start "$previous")
  else
    log "no saved files of $previous on the host: the images go back, the files and .env of this version stay"
    bring_up=(up "$previous")
  fi
  if "${bring_up[@]}"; then
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
    remember_deployed "$TAG"
    log "deployed $TAG"
    return 0
  fi
  log "deploying $TAG failed"
  rollback "$previous"
  exit 1
}

main
