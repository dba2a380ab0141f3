#!/usr/bin/env bash
# The CI deploy to Kubernetes (docs/kubernetes.md): deploy/k8s/deploy.sh <staging|production> <image-tag>
#
# Against the cluster of KUBECONFIG (from the environment), in this order: refuses when a secret is missing; creates
# or updates the Secrets from the environment; applies the overlay with the images ghcr.io/<IMAGE_OWNER>/tradingedu-
# <service>:<image-tag> and the public host; runs the database roles Job; waits for PostgreSQL, Kafka, the Job and
# every Deployment's rollout; runs deploy/smoke/smoke.sh against the public URL. When any of that fails, every
# Deployment this run changed goes back to the revision it had before (kubectl rollout undo) and the script exits 1.
#
# Environment (the Secrets' names and keys are in docs/kubernetes.md, "Secrets"):
#   required  TE_API_DB_PASSWORD TE_ORCHESTRATOR_DB_PASSWORD TE_EMBEDDINGS_DB_PASSWORD TE_BACKTESTING_DB_PASSWORD
#             (>= 16 characters each), SERVICE_TOKEN (>= 24), SECURITY_BOOTSTRAP_ADMIN_KEY (te_ + 43 base64url),
#             TLS_CERTIFICATE and TLS_CERTIFICATE_KEY (PEM text; not needed with TLS_SECRET_EXTERNAL=true, when
#             cert-manager or an operator keeps the Secret tradingedu-tls), PUBLIC_HOST (e.g. tradingedu.example.org),
#             IMAGE_OWNER (default: GITHUB_REPOSITORY_OWNER, lower-cased)
#   optional  IMAGE_REGISTRY (ghcr.io), IMAGE_PREFIX (what stands before <service>; default
#             $IMAGE_REGISTRY/$IMAGE_OWNER/tradingedu-, e.g. ghcr.io/acme/repo/ for ghcr.io/acme/repo/api-service),
#             SMOKE_BASE_URL (https://$PUBLIC_HOST), SMOKE_API_KEY (a write-scoped key;
#             default the bootstrap admin key), SMOKE_SCRIPT (deploy/smoke/smoke.sh), KUBECTL (kubectl),
#             ROLLOUT_TIMEOUT (600s), DEPLOY_RENDER_ONLY=1 (print the manifests that would be applied, touch nothing,
#             need no secret), REGISTRY_USERNAME and REGISTRY_PASSWORD (for private images: the pull Secret
#             tradingedu-registry for the registry of IMAGE_PREFIX, which every pod then names in imagePullSecrets)
# A version tag may be given as the git tag (v1.2.0): CI publishes the image as 1.2.0, so a leading v is dropped.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
KUBECTL="${KUBECTL:-kubectl}"
ROLLOUT_TIMEOUT="${ROLLOUT_TIMEOUT:-600s}"
SERVICES=(api-service orchestrator-service embeddings-service backtesting-service)
DEPLOYMENTS=(api orchestrator orchestrator-worker embeddings backtesting redis)
DB_ROLES=(api orchestrator embeddings backtesting)

log() { printf '[deploy] %s\n' "$*" >&2; }
die() { printf '[deploy] error: %s\n' "$*" >&2; exit 1; }

usage() { die "usage: deploy/k8s/deploy.sh <staging|production> <image-tag>"; }

[ $# -eq 2 ] || usage
ENVIRONMENT="$1" TAG="$2"
# the git tag v1.2.0 is the image 1.2.0 (docker/metadata-action's semver tags drop the v)
if [[ "$TAG" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then TAG="${TAG#v}"; fi
case "$ENVIRONMENT" in
  staging) NAMESPACE=tradingedu-staging ;;
  production) NAMESPACE=tradingedu ;;
  *) usage ;;
esac
[[ "$TAG" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || die "image tag '$TAG' is not a valid tag"
if [ "$ENVIRONMENT" = production ] && [ "$TAG" = latest ]; then
  die "production deploys a version or commit tag, never 'latest'"
fi
IMAGE_REGISTRY="${IMAGE_REGISTRY:-ghcr.io}"
IMAGE_OWNER="${IMAGE_OWNER:-${GITHUB_REPOSITORY_OWNER:-}}"
IMAGE_OWNER="${IMAGE_OWNER,,}"   # registries want lower case; GitHub owners may have capitals
IMAGE_PREFIX="${IMAGE_PREFIX:-${IMAGE_OWNER:+$IMAGE_REGISTRY/$IMAGE_OWNER/tradingedu-}}"
PULL_SECRET=tradingedu-registry
RENDER_ONLY="${DEPLOY_RENDER_ONLY:-}"

# Every missing or malformed secret is named at once, before anything reaches the cluster.
check_environment() {
  local problems=() name
  [ -n "${PUBLIC_HOST:-}" ] || problems+=("PUBLIC_HOST is not set")
  [ -n "$IMAGE_PREFIX" ] || problems+=("IMAGE_OWNER (or GITHUB_REPOSITORY_OWNER, or IMAGE_PREFIX) is not set")
  if [ -z "$RENDER_ONLY" ]; then
    for role in "${DB_ROLES[@]}"; do
      name="TE_${role^^}_DB_PASSWORD"
      local value="${!name:-}"
      if [ -z "$value" ]; then problems+=("$name is not set")
      elif [ "${#value}" -lt 16 ]; then problems+=("$name is shorter than 16 characters (roles.sql refuses it)"); fi
    done
    if [ -z "${SERVICE_TOKEN:-}" ]; then problems+=("SERVICE_TOKEN is not set")
    elif [ "${#SERVICE_TOKEN}" -lt 24 ]; then problems+=("SERVICE_TOKEN is shorter than 24 characters"); fi
    if [ -z "${SECURITY_BOOTSTRAP_ADMIN_KEY:-}" ]; then problems+=("SECURITY_BOOTSTRAP_ADMIN_KEY is not set")
    elif ! [[ "$SECURITY_BOOTSTRAP_ADMIN_KEY" =~ ^te_[A-Za-z0-9_-]{43}$ ]]; then
      problems+=("SECURITY_BOOTSTRAP_ADMIN_KEY is not te_ followed by 43 base64url characters"); fi
    if [ -n "${REGISTRY_USERNAME:-}${REGISTRY_PASSWORD:-}" ]; then
      for name in REGISTRY_USERNAME REGISTRY_PASSWORD; do
        if [ -z "${!name:-}" ]; then problems+=("$name is not set (the pull secret needs both REGISTRY_* settings)")
        elif [[ "${!name}" =~ [\"\\[:cntrl:]] ]]; then problems+=("$name contains a quote, backslash or control character"); fi
      done
    fi
    if [ "${TLS_SECRET_EXTERNAL:-}" != true ]; then
      for name in TLS_CERTIFICATE TLS_CERTIFICATE_KEY; do
        [ -n "${!name:-}" ] || problems+=("$name is not set (PEM text; or TLS_SECRET_EXTERNAL=true)")
      done
    fi
  fi
  if [ "${#problems[@]}" -gt 0 ]; then
    printf '[deploy] error: %s\n' "${problems[@]}" >&2
    die "refusing to deploy to $ENVIRONMENT: ${#problems[@]} setting(s) missing (docs/kubernetes.md, \"Secrets\")"
  fi
}

WORK="$(mktemp -d)"
chmod 700 "$WORK"
trap 'rm -rf "$WORK"' EXIT

secrets_digest() {
  local role name
  {
    for role in "${DB_ROLES[@]}"; do name="TE_${role^^}_DB_PASSWORD"; printf '%s\0' "${!name}"; done
    printf '%s\0' "$SERVICE_TOKEN" "$SECURITY_BOOTSTRAP_ADMIN_KEY"
  } | sha256sum | cut -c1-64
}

# A kustomization over the overlay that sets what only the deploy knows: image owner and tag, public host.
render() {
  mkdir -p "$WORK/kustomize"
  # kustomize takes relative paths only (LoadRestrictionsNone lets them leave the folder)
  local overlay replacement
  overlay="$(realpath --relative-to="$WORK/kustomize" "$HERE/overlays/$ENVIRONMENT")"
  replacement="$(realpath --relative-to="$WORK/kustomize" "$HERE/public-host.yaml")"
  {
    echo "apiVersion: kustomize.config.k8s.io/v1beta1"
    echo "kind: Kustomization"
    echo "resources:"
    echo "  - $overlay"
    echo "configMapGenerator:"
    echo "  - name: tradingedu-config"
    echo "    behavior: merge"
    echo "    literals:"
    echo "      - PUBLIC_HOST=$PUBLIC_HOST"
    echo "replacements:"
    echo "  - path: $replacement"
    echo "patches:"
    if [ -z "$RENDER_ONLY" ]; then
      # Secrets reach the pods as environment variables, read at start only: a digest of their values in the pod
      # template makes a changed secret roll the Deployments that read them. One digest over all of them, which
      # include the 258-bit admin key, so it reveals nothing about any single value.
      echo "  - target: {kind: Deployment, labelSelector: \"app.kubernetes.io/component in (service,worker)\"}"
      echo "    patch: |"
      echo "      {apiVersion: apps/v1, kind: Deployment, metadata: {name: any}, spec: {template: {metadata: {annotations: {tradingedu.io/secrets-digest: \"$(secrets_digest)\"}}}}}"
    fi
    if [ -n "${REGISTRY_USERNAME:-}" ]; then
      local kind
      for kind in Deployment Job; do
        echo "  - target: {kind: $kind}"
        echo "    patch: |"
        echo "      {apiVersion: v1, kind: $kind, metadata: {name: any}, spec: {template: {spec: {imagePullSecrets: [{name: $PULL_SECRET}]}}}}"
      done
    fi
    echo "images:"
    for service in "${SERVICES[@]}"; do
      echo "  - {name: ghcr.io/OWNER/tradingedu-$service, newName: $IMAGE_PREFIX$service, newTag: \"$TAG\"}"
    done
  } > "$WORK/kustomize/kustomization.yaml"
  "$KUBECTL" kustomize --load-restrictor=LoadRestrictionsNone "$WORK/kustomize" > "$WORK/manifests.yaml" \
    || die "kubectl kustomize failed for overlays/$ENVIRONMENT"
  if grep -q 'ghcr.io/OWNER/' "$WORK/manifests.yaml"; then die "an image still names the placeholder owner OWNER"; fi
  for service in "${SERVICES[@]}"; do
    grep -qF "image: $IMAGE_PREFIX$service:$TAG" "$WORK/manifests.yaml" \
      || die "the rendered manifests do not use $IMAGE_PREFIX$service:$TAG"
  done
}

require_operators() {
  local crd missing=()
  for crd in kafkas.kafka.strimzi.io kafkanodepools.kafka.strimzi.io kafkatopics.kafka.strimzi.io \
             clusters.postgresql.cnpg.io scaledobjects.keda.sh; do
    "$KUBECTL" get crd "$crd" >/dev/null 2>&1 || missing+=("$crd")
  done
  [ "${#missing[@]}" -eq 0 ] || die "the cluster lacks the CRDs ${missing[*]}: install Strimzi, CloudNativePG and KEDA first (docs/kubernetes.md, \"Prerequisites\")"
}

# Secrets from the environment, through files in a private folder (never on a command line, where ps shows them).
apply_secrets() {
  local dir="$WORK/secrets"
  (umask 077 && mkdir -p "$dir")
  secret() { "$KUBECTL" -n "$NAMESPACE" create secret "$@" --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null; }
  for role in "${DB_ROLES[@]}"; do
    local name="TE_${role^^}_DB_PASSWORD"
    (umask 077 && printf '%s' "${!name}" > "$dir/db-$role" && printf 'te_%s' "$role" > "$dir/user-$role")
    secret generic "tradingedu-db-te-$role" --type=kubernetes.io/basic-auth \
      --from-file=username="$dir/user-$role" --from-file=password="$dir/db-$role"
  done
  (umask 077 && printf '%s' "$SERVICE_TOKEN" > "$dir/service-token" && printf '%s' "$SECURITY_BOOTSTRAP_ADMIN_KEY" > "$dir/admin-key")
  secret generic tradingedu-service-token --from-file=token="$dir/service-token"
  secret generic tradingedu-admin-key --from-file=key="$dir/admin-key"
  if [ -n "${REGISTRY_USERNAME:-}" ]; then
    # a docker config for the registry of the images (the first part of IMAGE_PREFIX), checked free of quotes above
    local auth
    auth="$(printf '%s:%s' "$REGISTRY_USERNAME" "$REGISTRY_PASSWORD" | base64 -w0)"
    (umask 077 && printf '{"auths":{"%s":{"username":"%s","password":"%s","auth":"%s"}}}' "${IMAGE_PREFIX%%/*}" \
      "$REGISTRY_USERNAME" "$REGISTRY_PASSWORD" "$auth" > "$dir/dockerconfig.json")
    secret generic "$PULL_SECRET" --type=kubernetes.io/dockerconfigjson --from-file=.dockerconfigjson="$dir/dockerconfig.json"
  fi
  if [ "${TLS_SECRET_EXTERNAL:-}" != true ]; then
    (umask 077 && printf '%s\n' "$TLS_CERTIFICATE" > "$dir/tls.crt" && printf '%s\n' "$TLS_CERTIFICATE_KEY" > "$dir/tls.key")
    secret tls tradingedu-tls --cert="$dir/tls.crt" --key="$dir/tls.key"
  fi
  log "secrets applied to namespace $NAMESPACE"
}

# Each Deployment's revision before the apply ("" when it does not exist yet), so that a failure undoes only what
# this run changed, back to exactly what ran before.
declare -A BEFORE=()
remember_revisions() {
  local deployment
  for deployment in "${DEPLOYMENTS[@]}"; do
    BEFORE[$deployment]="$("$KUBECTL" -n "$NAMESPACE" get deployment "$deployment" --ignore-not-found \
      -o jsonpath='{.metadata.annotations.deployment\.kubernetes\.io/revision}')"
  done
}

rollback() {
  log "deploy failed: rolling the Deployments back"
  local deployment now
  for deployment in "${DEPLOYMENTS[@]}"; do
    [ -n "${BEFORE[$deployment]}" ] || { log "$deployment did not exist before this deploy: left as it is"; continue; }
    now="$("$KUBECTL" -n "$NAMESPACE" get deployment "$deployment" --ignore-not-found \
      -o jsonpath='{.metadata.annotations.deployment\.kubernetes\.io/revision}' || true)"
    if [ "$now" = "${BEFORE[$deployment]}" ]; then continue; fi
    "$KUBECTL" -n "$NAMESPACE" rollout undo "deployment/$deployment" --to-revision="${BEFORE[$deployment]}" \
      && log "$deployment rolled back to revision ${BEFORE[$deployment]}" \
      || log "could not roll $deployment back: do it by hand (kubectl -n $NAMESPACE rollout undo deployment/$deployment)"
  done
  for deployment in "${DEPLOYMENTS[@]}"; do
    [ -n "${BEFORE[$deployment]}" ] || continue
    "$KUBECTL" -n "$NAMESPACE" rollout status "deployment/$deployment" --timeout="$ROLLOUT_TIMEOUT" >/dev/null 2>&1 \
      || log "$deployment is not ready after the rollback either"
  done
}

wait_for() {
  local what="$1"; shift
  log "waiting for $what"
  "$@" || { log "$what: not ready within $ROLLOUT_TIMEOUT"; return 1; }
}

apply_and_verify() {
  # the roles Job cannot change in place; it runs again at every deploy (its SQL is idempotent)
  "$KUBECTL" -n "$NAMESPACE" delete job tradingedu-db-roles --ignore-not-found >/dev/null || return 1
  log "applying overlays/$ENVIRONMENT with images tagged $TAG"
  "$KUBECTL" apply -f "$WORK/manifests.yaml" || return 1
  wait_for "PostgreSQL (Cluster tradingedu-db)" \
    "$KUBECTL" -n "$NAMESPACE" wait --for=condition=Ready cluster.postgresql.cnpg.io/tradingedu-db --timeout="$ROLLOUT_TIMEOUT" || return 1
  wait_for "Kafka (tradingedu-kafka)" \
    "$KUBECTL" -n "$NAMESPACE" wait --for=condition=Ready kafka.kafka.strimzi.io/tradingedu-kafka --timeout="$ROLLOUT_TIMEOUT" || return 1
  # the topics must exist with the overlay's replication before a service could declare them itself
  wait_for "the KafkaTopics" \
    "$KUBECTL" -n "$NAMESPACE" wait --for=condition=Ready kafkatopic -l strimzi.io/cluster=tradingedu-kafka --timeout="$ROLLOUT_TIMEOUT" || return 1
  wait_for "the database roles Job" \
    "$KUBECTL" -n "$NAMESPACE" wait --for=condition=Complete job/tradingedu-db-roles --timeout="$ROLLOUT_TIMEOUT" || return 1
  local deployment
  for deployment in "${DEPLOYMENTS[@]}"; do
    wait_for "deployment/$deployment" \
      "$KUBECTL" -n "$NAMESPACE" rollout status "deployment/$deployment" --timeout="$ROLLOUT_TIMEOUT" || return 1
  done
  local smoke="${SMOKE_SCRIPT:-$REPO/deploy/smoke/smoke.sh}"
  [ -x "$smoke" ] || { log "smoke test $smoke not found or not executable"; return 1; }
  log "smoke test against ${SMOKE_BASE_URL:-https://$PUBLIC_HOST}"
  SMOKE_BASE_URL="${SMOKE_BASE_URL:-https://$PUBLIC_HOST}" SMOKE_API_KEY="${SMOKE_API_KEY:-$SECURITY_BOOTSTRAP_ADMIN_KEY}" \
    "$smoke" || { log "smoke test failed"; return 1; }
}

check_environment
render
if [ -n "$RENDER_ONLY" ]; then
  cat "$WORK/manifests.yaml"
  exit 0
fi
require_operators
"$KUBECTL" get namespace "$NAMESPACE" >/dev/null 2>&1 || "$KUBECTL" create namespace "$NAMESPACE" >/dev/null
apply_secrets
remember_revisions
if apply_and_verify; then
  log "$ENVIRONMENT runs $TAG"
else
  rollback
  die "$ENVIRONMENT: deploy of $TAG failed and was rolled back"
fi
