#!/usr/bin/env bash
# Local stack without Docker: install, start, stop and inspect everything the suite needs,
# build and run the four services, run the tests or the end-to-end demo.
# All state lives under $STACK_HOME (default: <repo>/.stack, git-ignored).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
source "$HERE/lib/common.sh"
source "$HERE/lib/install.sh"
source "$HERE/lib/infra.sh"
source "$HERE/lib/apps.sh"
source "$HERE/lib/demo.sh"
source "$HERE/lib/marketdata.sh"
source "$HERE/lib/mediabench.sh"
source "$HERE/lib/searchbench.sh"

usage() {
  cat <<USAGE
usage: deploy/local/stack.sh <command>
  install   install what is missing (PostgreSQL 15 + pgvector, Redis, Kafka, ffmpeg, OCR, ASR, TTS, linters)
  up        install if needed, then start PostgreSQL, Redis and Kafka (already running is fine)
  down      stop the four services and the infrastructure
  stop      stop the four services only (the infrastructure keeps running)
  status    show what is running
  build     build the suite (mvn package, no tests)
  start     up + build + start the four services
  demo      start + ingest a generated sample lesson and follow its run to the end,
            load real market data and backtest the golden cross on the S&P 500
  test      up + fetch-data + mvn verify (unit, integration and end-to-end tests)
  fetch-data  download the real market datasets from the npm and Maven registries
  key create NAME SCOPES  create an API key (SCOPES: comma list of read, write, admin); prints it, shown once
  key list  list the API keys (no secrets)
  key revoke ID  revoke an API key at once, in every service
            (the stack's own admin key is in \$STACK_HOME/secrets/admin-key; docs/security.md)
  dlt-replay TOPIC  send TOPIC-dlt's dead letters back to TOPIC after a fix (docs/pipeline.md, "Reliability")
  bench     run the backtesting benchmark (raw ta4j beside our engine)
  bench-media  run the media stages 2-5 benchmark on a generated 10-minute 720p lesson (docs/media-benchmark.md)
  bench-search [passages...]  search latency and recall@10 on synthetic passages, default 100000
            (docs/embeddings-benchmark.md; e.g. bench-search 100000 1000000)
USAGE
}

main() {
  local cmd="${1:-}"
  case "$cmd" in
    install) require_root; require_jdk; install_all ;;
    up)      require_root; require_jdk; install_all; infra_up ;;
    down)    apps_down; infra_down ;;
    stop)    apps_down ;;
    status)  infra_status; apps_status ;;
    build)   require_java; build_suite ;;
    start)   require_root; require_jdk; install_all; infra_up; build_suite; apps_up ;;
    demo)    require_root; require_jdk; install_all; infra_up; build_suite; apps_up; run_demo ;;
    test)    require_root; require_jdk; install_all; infra_up; fetch_market_data; run_tests ;;
    fetch-data) require_java; fetch_market_data ;;
    dlt-replay) require_java; shift; dlt_replay "$@" ;;
    key)     shift; key_command "$@" ;;
    bench)   require_java; fetch_market_data; run_benchmark ;;
    bench-media) require_root; install_all; run_media_benchmark ;;
    bench-search) require_root; require_java; postgres_up; shift; run_search_benchmark "$@" ;;
    ""|-h|--help|help) usage ;;
    *) usage; die "unknown command: $cmd" ;;
  esac
}

main "$@"
