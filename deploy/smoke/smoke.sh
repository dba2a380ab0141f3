#!/usr/bin/env bash
# Smoke test of a running suite, after a deploy (deploy/compose/deploy.sh, deploy/k8s/deploy.sh) or by hand:
#   health of every service, a tiny generated video uploaded and followed through all pipeline stages (then deleted),
#   a strategy stored as compact text and backtested on a dataset the deployment holds.
# Prints one line per check and exits non-zero at the first failure (docs/delivery.md, "Smoke test").
#
# Where the suite is (either the public base behind nginx, or each service directly, e.g. on other ports):
#   SMOKE_BASE_URL        the public base: nginx's /health, /api/, /backtest/ and /embeddings/ under it
#   SMOKE_API_URL         api-service (default $SMOKE_BASE_URL/api)
#   SMOKE_BACKTEST_URL    backtesting-service (default $SMOKE_BASE_URL/backtest)
#   SMOKE_EMBEDDINGS_URL  embeddings-service (default $SMOKE_BASE_URL/embeddings; without a base and without it, the
#                         embeddings service is checked through the run's stage 6 only)
# Credential and bounds:
#   SMOKE_API_KEY         an API key (or JWT) with the write scope (required)
#   SMOKE_RUN_TIMEOUT     seconds the generated video's run may take (default 600)
#   SMOKE_SEED_MARKET_DATA  true: when the deployment holds no market data, load the S&P 500 daily bars (npm
#                         vega-datasets, as the local stack does) as SPX 1d first; default false: fail and say so
# Needs curl, python3 and ffmpeg (and npm with SMOKE_SEED_MARKET_DATA=true).
set -euo pipefail

BASE_URL="${SMOKE_BASE_URL:-}"
BASE_URL="${BASE_URL%/}"
API_URL="${SMOKE_API_URL:-${BASE_URL:+$BASE_URL/api}}"
BACKTEST_URL="${SMOKE_BACKTEST_URL:-${BASE_URL:+$BASE_URL/backtest}}"
EMBEDDINGS_URL="${SMOKE_EMBEDDINGS_URL:-${BASE_URL:+$BASE_URL/embeddings}}"
RUN_TIMEOUT="${SMOKE_RUN_TIMEOUT:-600}"
SEED_MARKET_DATA="${SMOKE_SEED_MARKET_DATA:-false}"
SEED_PACKAGE="vega-datasets@3.2.1"

pass() { printf '[smoke] ok    %-10s %s\n' "$1" "$2"; }
fail() { printf '[smoke] FAIL  %-10s %s\n' "$1" "$2" >&2; exit 1; }
# json EXPR: evaluates a Python expression over the JSON document on stdin (bound to d)
json() { python3 -c 'import json, sys; d = json.load(sys.stdin); r = eval(sys.argv[1]); print("" if r is None else r)' "$1"; }

preflight() {
  local tool missing=()
  for tool in curl python3 ffmpeg; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ "$SEED_MARKET_DATA" = true ] && ! command -v npm >/dev/null && missing+=(npm)
  [ "${#missing[@]}" -eq 0 ] \
    || fail setup "missing tools: ${missing[*]} (Debian/Ubuntu: apt-get install ${missing[*]})"
  if [ -z "$API_URL" ] || [ -z "$BACKTEST_URL" ]; then
    fail setup "set SMOKE_BASE_URL (the public base behind nginx) or both SMOKE_API_URL and SMOKE_BACKTEST_URL"
  fi
  [ -n "${SMOKE_API_KEY:-}" ] || fail setup "set SMOKE_API_KEY to an API key with the write scope (docs/security.md)"
  [[ "$RUN_TIMEOUT" =~ ^[0-9]+$ ]] || fail setup "SMOKE_RUN_TIMEOUT must be a number of seconds, not '$RUN_TIMEOUT'"
  WORK="$(mktemp -d)"
  # the key reaches curl in a header file (-H @file), never on a command line that the process list shows
  (umask 077 && printf 'Authorization: Bearer %s\n' "$SMOKE_API_KEY" > "$WORK/auth-header")
}

# call METHOD URL [curl args...]: the answer's body in $BODY and its status in $STATUS; a connection failure fails
# the check named in $CHECK. With ANONYMOUS=true no credential is sent (health is open; a wrong key would be a 401).
call() {
  local method="$1" url="$2"; shift 2
  local out auth=(-H "@$WORK/auth-header")
  [ "${ANONYMOUS:-false}" = true ] && auth=()
  out="$(curl -sS --max-time "${CALL_TIMEOUT:-60}" "${auth[@]}" -X "$method" -o "$WORK/body" \
    -w '%{http_code}' "$@" "$url")" || fail "$CHECK" "$method $url: no answer (is the suite reachable from here?)"
  STATUS="$out"
  BODY="$(cat "$WORK/body")"
}

# expect CODES WHAT: fails the check unless $STATUS is one of CODES, quoting the problem's detail
expect() {
  local codes="$1" what="$2"
  [[ " $codes " == *" $STATUS "* ]] && return 0
  local detail; detail="$(printf '%s' "$BODY" | json 'd.get("detail") or d.get("title")' 2>/dev/null || true)"
  fail "$CHECK" "$what answered $STATUS${detail:+: $detail}"
}

check_health() {
  CHECK=health
  if [ -n "$BASE_URL" ]; then
    ANONYMOUS=true call GET "$BASE_URL/health"; expect 200 "nginx $BASE_URL/health"
  fi
  local name url status
  for entry in "api=$API_URL" "backtesting=$BACKTEST_URL" "embeddings=$EMBEDDINGS_URL"; do
    name="${entry%%=*}" url="${entry#*=}"
    [ -n "$url" ] || continue
    ANONYMOUS=true call GET "$url/actuator/health/readiness"
    status="$(printf '%s' "$BODY" | json 'd.get("status")' 2>/dev/null || true)"
    if [ "$STATUS" != 200 ] || [ "$status" != UP ]; then
      fail health "$name at $url is not ready (readiness answered $STATUS, status ${status:-unreadable})"
    fi
  done
  pass health "ready: api $API_URL, backtesting $BACKTEST_URL${EMBEDDINGS_URL:+, embeddings $EMBEDDINGS_URL}"
  CHECK=credential
  call GET "$API_URL/media_items?limit=1"; expect 200 "GET /media_items with SMOKE_API_KEY"
  pass credential "SMOKE_API_KEY is accepted"
}

# A 4-second 320x240 test pattern with a tone; the comment makes the content new on every run (api-service answers
# 200 with the existing item for content it holds already).
make_video() {
  ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=320x240:rate=15" -f lavfi -i "sine=frequency=440" -t 4 \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest \
    -metadata comment="smoke test $(date -u +%FT%TZ) $$-$RANDOM" "$WORK/smoke.mp4" \
    || fail upload "ffmpeg could not generate the test video"
}

MEDIA_ID=""
# the uploaded item is deleted when the script ends, also after a failure (force: its run may still be active)
cleanup() {
  if [ -n "$MEDIA_ID" ]; then
    curl -sS --max-time 30 -H "@$WORK/auth-header" -X DELETE -o /dev/null \
      "$API_URL/media_items/$MEDIA_ID?force=true" 2>/dev/null || true
  fi
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
}

check_pipeline() {
  CHECK=upload
  make_video
  CALL_TIMEOUT=300 call POST "$API_URL/media_items" -F "file=@$WORK/smoke.mp4;type=video/mp4"
  expect "200 202" "POST /media_items"
  MEDIA_ID="$(printf '%s' "$BODY" | json 'd["id"]')"
  pass upload "POST /media_items: media item $MEDIA_ID ($STATUS)"
  CHECK=pipeline
  local deadline=$((SECONDS + RUN_TIMEOUT)) status="" summary=""
  while :; do
    call GET "$API_URL/media_items/$MEDIA_ID"; expect 200 "GET /media_items/$MEDIA_ID"
    status="$(printf '%s' "$BODY" | json '(d.get("run") or {}).get("status")')"
    case "$status" in completed|failed|cancelled) break ;; esac
    [ "$SECONDS" -lt "$deadline" ] || break
    sleep 2
  done
  summary="$(printf '%s' "$BODY" | json '"; ".join("%s %s%s" % (s["stage"], s["status"], (": " + s["error"]) if s.get("error") else "") for s in (d.get("run") or {}).get("stages", []))')"
  case "$status" in
    completed) pass pipeline "run completed: $summary" ;;
    failed|cancelled) fail pipeline "run $status: $summary" ;;
    *) fail pipeline "run still ${status:-not started} after ${RUN_TIMEOUT}s: ${summary:-no stage started}" ;;
  esac
  CHECK=cleanup
  call DELETE "$API_URL/media_items/$MEDIA_ID"; expect 204 "DELETE /media_items/$MEDIA_ID"
  MEDIA_ID=""
  pass cleanup "the test video and its results are deleted"
}

# The dataset with the most bars: a moving-average cross needs a few dozen.
pick_dataset() {
  call GET "$BACKTEST_URL/market-data"; expect 200 "GET /market-data"
  printf '%s' "$BODY" | json '" ".join((lambda s: [s["symbol"], s["timeframe"], str(s["bars"])])(max(d, key=lambda s: s["bars"]))) if d else ""'
}

seed_market_data() {
  local dir="$WORK/seed"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$SEED_PACKAGE" >/dev/null && tar xzf vega-datasets-*.tgz package/data/sp500-2000.csv) \
    || fail backtest "could not fetch $SEED_PACKAGE from the npm registry to seed market data"
  CALL_TIMEOUT=120 call POST "$BACKTEST_URL/market-data?symbol=SPX&timeframe=1d" \
    -F "file=@$dir/package/data/sp500-2000.csv;type=text/csv"
  expect "200 201" "POST /market-data (SPX 1d from $SEED_PACKAGE)"
  pass seed "the deployment held no market data: loaded SPX 1d from $SEED_PACKAGE"
}

check_backtest() {
  CHECK=backtest
  local dataset; dataset="$(pick_dataset)"
  if [ -z "$dataset" ]; then
    [ "$SEED_MARKET_DATA" = true ] || fail backtest "the deployment holds no market data (GET /market-data is empty): \
load a dataset (docs/backtesting.md, POST /market-data) or run with SMOKE_SEED_MARKET_DATA=true"
    seed_market_data
    dataset="$(pick_dataset)"
  fi
  local symbol timeframe bars
  read -r symbol timeframe bars <<< "$dataset"
  call POST "$BACKTEST_URL/strategies" -H 'content-type: text/plain' \
    --data-binary $'name: Smoke test moving-average cross\nentry: SMA(10) crosses above SMA(30)\nexit: SMA(10) crosses below SMA(30)'
  expect "200 201" "POST /strategies (compact text)"
  local strategy; strategy="$(printf '%s' "$BODY" | json 'd["id"]')"
  local request
  request="$(python3 -c 'import json, sys; print(json.dumps({"strategy_id": sys.argv[1], "symbol": sys.argv[2], "timeframe": sys.argv[3], "initial_capital": 10000}))' \
    "$strategy" "$symbol" "$timeframe")"
  CALL_TIMEOUT=120 call POST "$BACKTEST_URL/backtest" -H 'content-type: application/json' --data-binary "$request"
  expect "201 202" "POST /backtest"
  local id status deadline=$((SECONDS + 300))
  id="$(printf '%s' "$BODY" | json 'd["id"]')"
  status="$(printf '%s' "$BODY" | json 'd["status"]')"
  # a large dataset runs queued (202): poll until it ends
  while [ "$status" = QUEUED ] || [ "$status" = RUNNING ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail backtest "backtest $id still $status after 300s"
    sleep 2
    call GET "$BACKTEST_URL/backtest/$id"; expect 200 "GET /backtest/$id"
    status="$(printf '%s' "$BODY" | json 'd["status"]')"
  done
  [ "$status" = COMPLETED ] || fail backtest "backtest $id ended $status: $(printf '%s' "$BODY" | json 'd.get("error")')"
  local metrics
  metrics="$(printf '%s' "$BODY" | json '(lambda m: "%d trades, total return %.2f %%" % (m["trades"], 100 * m["total_return"]))(d["metrics"]["periods"][0]["metrics"])')" \
    || fail backtest "backtest $id completed without metrics"
  pass backtest "SMA(10)/SMA(30) cross on $symbol $timeframe ($bars bars): $metrics"
}

main() {
  trap cleanup EXIT
  preflight
  check_health
  check_pipeline
  check_backtest
  echo "[smoke] all checks passed"
}

main "$@"
