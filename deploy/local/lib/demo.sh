# The main job end to end: a generated lesson video goes through the pipeline while we follow its run.

API_URL="${API_URL:-http://localhost:8003}"
SAMPLE_DIR="$STACK_HOME/ingest/samples"

# A short lesson (~20 s) that teaches one strategy: three slides with trading text, narrated by Festival's voice, with an
# English subtitle track.
make_sample_video() {
  make_lesson rsi-lesson <<'LESSON'
Lesson 3: RSI mean reversion|Buy AAPL when RSI(14) drops below 30|In this lesson we trade the relative strength index. We buy Apple when the fourteen day R S I drops below thirty.
Entry: RSI(14) < 30 and price above SMA(200)|Stop loss 2 percent below entry|Only enter when the price is above the two hundred day moving average. Put the stop loss two percent below the entry.
Exit: RSI(14) crosses above 70|Take profit at 2R, at most 20 bars|Exit when the R S I crosses above seventy, or take profit at two times the risk. Never hold more than twenty bars.
LESSON
}

# A lesson with nothing tradable in it (history and habits, no rule to trade): its run must end with "no strategy".
make_plain_video() {
  make_lesson habits-lesson <<'LESSON'
Lesson 1: Why markets exist|Buyers and sellers meet|Today we talk about why markets exist at all. Buyers and sellers meet in one place and agree on a price.
Keep a journal|Write down what you learned|Good traders keep a journal. Write down what you learned every evening and read it again at the end of the month.
LESSON
}

# make_lesson <name>: reads "title|line on screen|narration" lines on stdin, writes <name>.mp4 (one slide per line, the
# narration spoken by Festival and as an English subtitle track) and prints its path. Kept when it exists.
make_lesson() {
  local name="$1" out="$SAMPLE_DIR/$1.mp4"
  local spec; spec="$(cat)"
  [ -f "$out" ] && { echo "$out"; return 0; }
  mkdir -p "$SAMPLE_DIR"
  local work; work="$(mktemp -d)"
  local font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf list="$work/parts.txt" srt="$work/lesson.srt" t=0 i=0
  : > "$list"; : > "$srt"
  while IFS='|' read -r title line narration; do
    [ -n "$title" ] || continue
    echo "$narration" | text2wave -o "$work/n$i.wav" -eval '(voice_cmu_us_slt_arctic_hts)' 2>/dev/null \
      || echo "$narration" | text2wave -o "$work/n$i.wav"
    local dur; dur="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/n$i.wav")"
    printf '%s' "$title" > "$work/t$i.txt"; printf '%s' "$line" > "$work/l$i.txt"
    ffmpeg -nostdin -v error -y -f lavfi -i "color=c=0x10243f:s=1280x720:r=25" -i "$work/n$i.wav" \
      -vf "drawtext=fontfile=$font:textfile=$work/t$i.txt:fontcolor=white:fontsize=44:x=(w-text_w)/2:y=260,drawtext=fontfile=$font:textfile=$work/l$i.txt:fontcolor=0xffd166:fontsize=36:x=(w-text_w)/2:y=380" \
      -t "$dur" -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -ar 44100 -shortest "$work/p$i.mp4" </dev/null
    echo "file '$work/p$i.mp4'" >> "$list"
    local end; end="$(awk -v a="$t" -v b="$dur" 'BEGIN{printf "%.3f", a+b}')"
    printf '%d\n%s --> %s\n%s\n\n' $((i + 1)) "$(srt_time "$t")" "$(srt_time "$end")" "$narration" >> "$srt"
    t="$end"; i=$((i + 1))
  done <<< "$spec"
  ffmpeg -nostdin -v error -y -f concat -safe 0 -i "$list" -i "$srt" -map 0:v -map 0:a -map 1:s -c:v copy -c:a copy \
    -c:s mov_text -metadata:s:s:0 language=eng -movflags +faststart "$out"
  rm -rf "$work"
  echo "$out"
}

srt_time() {
  awk -v s="$1" 'BEGIN{h=int(s/3600); m=int((s%3600)/60); sec=s-h*3600-m*60; printf "%02d:%02d:%06.3f", h, m, sec}' | tr . ,
}

json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

# ingest_lesson <video>: ingests a generated lesson and follows its run to the end; sets LESSON_ID and LESSON_STATUS.
# An earlier demo's copy of the same content is deleted first, so the run shows today's pipeline.
ingest_lesson() {
  local video="$1"
  log "sample lesson: $video"
  local body="{\"video_path\": \"samples/$(basename "$video")\", \"source_url\": \"generated://$(basename "$video" .mp4)\"}"
  local answer; answer="$(api_curl -fsS -w '\n%{http_code}' -X POST "$API_URL/ingest" -H 'content-type: application/json' \
      -d "$body")" || die "ingest failed"
  local id; id="$(echo "${answer%$'\n'*}" | json_field "['id']")"
  if [ "${answer##*$'\n'}" = 200 ]; then
    log "the sample was ingested before as $id; deleting it to follow a fresh run"
    api_curl -fsS -X DELETE "$API_URL/media_items/$id" >/dev/null || die "could not delete media item $id"
    answer="$(api_curl -fsS -X POST "$API_URL/ingest" -H 'content-type: application/json' -d "$body")" \
      || die "ingest failed"
    id="$(echo "$answer" | json_field "['id']")"
  fi
  log "media item $id accepted; following its run"
  local last="" status="" deadline=$((SECONDS + ${DEMO_TIMEOUT:-300}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    local item; item="$(api_curl -fsS "$API_URL/media_items/$id")"
    local line; line="$(echo "$item" | python3 -c '
import json, sys
d = json.load(sys.stdin); run = d["run"]
stages = ", ".join("%d %s: %s%s%s" % (s["number"], s["stage"], s["status"], " (attempt %d)" % s["attempt"] if s["attempt"] > 1 else "", " [%s]" % s["progress"] if s.get("progress") and s["status"] == "running" else "") for s in run["stages"])
print("run %s: %s | %s" % (run["id"][:8], run["status"], stages or "waiting for the orchestrator"))')"
    [ "$line" != "$last" ] && { log "$line"; last="$line"; }
    status="$(echo "$item" | json_field "['run']['status']")"
    case "$status" in completed|failed|cancelled) break ;; esac
    sleep 1
  done
  # the item's own status follows its run's through the run events, a moment later: wait for it (a few seconds at most)
  local settle=0
  while [[ "$(echo "$item" | json_field "['status']")" =~ ^(pending|processing)$ ]] && [ "$settle" -lt 15 ]; do
    sleep 1; settle=$((settle + 1))
    item="$(api_curl -fsS "$API_URL/media_items/$id")"
  done
  echo "$item" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("\nWhat was found:")
for k in ("filename", "external_video_id", "sha256", "size_bytes", "duration_seconds", "width", "height", "fps", "video_codec", "audio_codec", "subtitle_streams", "status", "status_reason"):
    print("  %-18s %s" % (k, d.get(k)))
for s in d["run"]["stages"]:
    print("  stage %d %-16s %-9s %6s ms  %s" % (s["number"], s["stage"], s["status"], s["duration_ms"], s["summary"] or s["error"] or ""))'
  LESSON_ID="$id"; LESSON_STATUS="$status"
}

# The main job: the lesson that teaches a strategy goes through all stages and ends with a decided strategy; the
# lesson with nothing tradable ends with "no strategy" and the reason. Returns 0 only when both did.
ingest_and_follow() {
  ingest_lesson "$(make_sample_video)"
  [ "$LESSON_STATUS" = completed ] || return 1
  local taught="$LESSON_ID"
  show_findings "$taught" && show_search "$taught" && show_strategies "$taught" || return 1
  ingest_lesson "$(make_plain_video)"
  [ "$LESSON_STATUS" = completed ] && show_no_strategy "$LESSON_ID"
}

# What stages 2-5 found, as a trader would read it through the API.
show_findings() {
  local id="$1"
  echo; echo "Transcript (excerpt, GET $API_URL/transcript/$id?format=srt):"
  api_curl -fsS "$API_URL/transcript/$id?format=srt" | head -n 12 | sed 's/^/  /'
  api_curl -fsS "$API_URL/keywords?media_id=$id&limit=200" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("\nKeywords (%d hits, GET /keywords?media_id=...):" % d["total"])
for k in d["items"][:25]:
    print("  %6.1f-%5.1f s  %-22s %-20s %.2f  %-10s %s" % (k["start"], k["end"], k["keyword"], k["category"], k["confidence"], k["source"], k["matched_text"]))'
  api_curl -fsS "$API_URL/clips?media_id=$id&limit=50" | API_URL="$API_URL" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
print("\nClips (%d):" % d["total"])
for c in d["items"]:
    print("  %6.1f-%5.1f s (%.1f s, %d bytes)  %s" % (c["start"], c["end"], c["duration_seconds"], c["size_bytes"], ", ".join(c["keywords"])))
    print("      download: %s" % c["download_url"])'
  api_curl -fsS "$API_URL/media_items/$id/concepts" | python3 -c '
import json, sys
d = json.load(sys.stdin)
items = d["items"] if isinstance(d, dict) else d
print("\nConcepts (%d):" % len(items))
for c in items:
    print("  %6.1f s  %-13s %-22s %-28s \"%s\"" % (c["start"], c["kind"], c["name"], c.get("text_form") or "", c["quote"][:70]))'
}

# Stage 6: a question asked as a trader would say it, answered with the moment of the lesson and a link that plays it.
# Returns non-zero when the search does not land on the stop-loss passage.
show_search() {
  local id="$1" question="how far away do I put my protective exit if the trade goes against me"
  echo; echo "Search (GET /embeddings/search?query=...&media_id=...): \"$question\""
  api_curl -fsS -G "$API_URL/embeddings/search" --data-urlencode "query=$question" --data-urlencode "media_id=$id" \
      --data-urlencode "top_k=3" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for h in d["hits"]:
    print("  %6.1f-%5.1f s  %-10s score %.4f  similarity %.2f  %s" % (h["start_seconds"], h["end_seconds"], h["type"], h["score"], h["similarity"], " ".join(h["text"].split())[:90]))
    print("      play: %s" % h["play"])
hits = d["hits"]
sys.exit(0 if hits and "stop" in hits[0]["text"].lower() else 1)'
}

# Stages 7-10: the strategy the lesson taught, as generated, backtested and decided. Returns non-zero unless the
# taught rule (RSI(14) < 30) became a decided strategy with reasons and evidence.
show_strategies() {
  local id="$1"
  echo; echo "Features (GET /media_items/$id/features, excerpt):"
  api_curl -fsS "$API_URL/media_items/$id/features" | python3 -c '
import json, sys
d = json.load(sys.stdin); f = d["features"]
names = ["transcript_words", "speaking_rate_wpm", "keyword_hits", "keyword_density_per_minute", "concepts_condition", "has_stop_rule", "has_target_rule", "instrument_hint", "teaching_cues_per_minute", "topic_spread"]
shown = [(k, f[k]) for k in names if k in f] or sorted(f.items())[:9]
print("  %s: %d features; %s" % (d["version"], len(f), ", ".join("%s=%s" % (k, round(v, 3) if isinstance(v, float) else v) for k, v in shown)))'
  local ids; ids="$(api_curl -fsS "$API_URL/strategies?media_id=$id&limit=20" | python3 -c '
import json, sys
print(" ".join(s["id"] for s in json.load(sys.stdin)["items"]))')"
  [ -n "$ids" ] || { warn "no strategy was generated from the lesson"; return 1; }
  local sid ok=1
  for sid in $ids; do
    api_curl -fsS "$API_URL/strategies/$sid" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print("\nStrategy %s \"%s\" (%s, GET /strategies/%s):" % (s["key"], s["name"], s["source"], s["id"]))
for line in s["text"].splitlines():
    print("    " + line)
for a in s["assumed"] or []:
    print("  assumed: %s = %s (%s)" % (a.get("field"), a.get("value"), a.get("reason")))
for e in s["evidence"][:4]:
    clip = e["clips"][0]["download_url"] if e.get("clips") else e.get("play_url")
    print("  taught at %5.1f s: \"%s\"  %s" % (e["start_seconds"] or 0, " ".join(e["quote"].split())[:70], clip))
for b in s["backtests"]:
    for p in b["periods"]:
        m = p["metrics"]
        f = lambda k, pct=False: "n/a" if m.get(k) is None else ("%.1f %%" % (100 * m[k]) if pct else "%.2f" % m[k])
        print("  %s %s %-13s return %s, Sharpe %s, max drawdown %s, trades %s, profit factor %s" % (b["symbol"], b["timeframe"], p["label"], f("total_return", True), f("sharpe"), f("max_drawdown", True), "n/a" if m.get("trades") is None else int(m["trades"]), f("profit_factor")))
print("  decision: %s" % (s["decision"] or "none yet").upper())
for r in s["reasons"] or []:
    print("    %s %s" % ("pass" if r["passed"] else "FAIL", r["text"]))
ok = s["decision"] in ("promoted", "rejected") and s["reasons"] and s["evidence"] and s["backtests"]
sys.exit(0 if ok else 1)' || ok=0
  done
  api_curl -fsS "$API_URL/strategies?media_id=$id&limit=20" | python3 -c '
import json, sys
texts = [s["text"] for s in json.load(sys.stdin)["items"]]
sys.exit(0 if any("RSI(14) < 30" in t for t in texts) else 1)' || { warn "the taught rule RSI(14) < 30 is in no strategy"; ok=0; }
  [ "$ok" = 1 ]
}

# A lesson with nothing tradable: stage 8 says why there is no strategy, stage 10 repeats it, no strategy is stored.
show_no_strategy() {
  local id="$1"
  echo; echo "The lesson without a tradable rule ($id):"
  api_curl -fsS "$API_URL/media_items/$id" | python3 -c '
import json, sys
stages = {s["stage"]: s for s in json.load(sys.stdin)["run"]["stages"]}
for name in ("strategy-generation", "backtest", "evaluate-promote"):
    print("  %-20s %s" % (name, stages[name]["summary"] if name in stages else "not run"))
sys.exit(0 if stages.get("strategy-generation", {}).get("summary", "").startswith("no strategy") else 1)' || return 1
  [ "$(api_curl -fsS "$API_URL/strategies?media_id=$id" | json_field "['total']")" = 0 ]
}

run_demo() {
  load_market_data
  ingest_and_follow || die "the sample lessons' runs did not end as they should (see above)"
  backtest_demo
  cat <<URLS

Dashboard:           http://localhost:8003/ui/  (sign in with a key: the admin key below, or your own)
API base:            $API_URL
Swagger UI (API):    http://localhost:8003/swagger-ui/index.html
Swagger UI (orch.):  http://localhost:8002/swagger-ui/index.html
Swagger UI (embed.): http://localhost:8004/swagger-ui/index.html
Swagger UI (backt.): http://localhost:8001/swagger-ui/index.html
Admin API key:       $SECRETS_DIR/admin-key  (send: Authorization: Bearer <key>; docs/security.md)
Your own keys:       deploy/local/stack.sh key create NAME read,write
Stop everything:     deploy/local/stack.sh down
URLS
}
