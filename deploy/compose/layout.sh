# shellcheck shell=bash
# The compose host's layout, shared by deploy/compose/deploy.sh (which builds it on the host over SSH) and the delivery
# checks of `stack.sh test` (deploy/local/lib/apps.sh, which build it in a temporary directory and run
# `docker-compose config` on it): both use these definitions, so the check sees exactly what the host gets.

# What the host needs of the repository, in the repository's layout: compose.yml mounts them by paths relative to its
# own folder (deploy/compose/), e.g. ../postgres/init.sql and ../../nginx/nginx.conf. nginx/tls is the default TLS_DIR.
COMPOSE_HOST_FILES=(deploy/compose/compose.yml nginx/nginx.conf nginx/tls-setup.sh nginx/tls deploy/postgres
  deploy/observability)

# pack_host_files REPO: a tar.gz stream of COMPOSE_HOST_FILES on stdout. The operator's own files on the host (the
# metrics key, certificates in nginx/tls) are never in it, and unpacking only adds and replaces, so they stay.
pack_host_files() {
  tar -C "$1" --exclude=metrics-key --exclude='nginx/tls/*' -czf - "${COMPOSE_HOST_FILES[@]}"
}

# compose_host_args DIR: sets COMPOSE_HOST_ARGS to docker compose's global arguments for the tree at DIR. The project
# directory is the compose file's own folder: Compose resolves relative paths against the project directory, and
# compose.yml's paths are relative to itself (a project directory of DIR would mount DIR/../postgres/init.sql).
compose_host_args() {
  # shellcheck disable=SC2034  # the caller reads it
  COMPOSE_HOST_ARGS=(-p tradingedu --project-directory "$1/deploy/compose" --env-file "$1/.env"
    -f "$1/deploy/compose/compose.yml")
}
