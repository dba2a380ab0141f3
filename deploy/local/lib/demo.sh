# The main job end to end: a generated lesson video goes through the pipeline while we follow its run.

API_URL="${API_URL:-http://localhost:8003}"
SAMPLE_DIR="$STACK_HOME/ingest/samples"

# A short lesson (~20 s): three slides with trading text, narrated by Festival's voice, with an English subtitle track.
make_sample_video() {
  local out="$SAMPLE_DIR/rsi-lesson.mp4"
  [ -f "$out" ] && { echo "$out"; return 0; }
  mkdir -p "$SAMPLE_DIR"
  local work; work="$(mktemp -d)"
  local slides=(
    "Lesson 3: RSI mean reversion|Buy AAPL when RSI(14) drops below 30"
    "Entry: RSI(14) < 30 and price above SMA(200)|Stop loss 2 percent below entry"
    "Exit: RSI(14) crosses above 70|Take profit at 2R, at most 20 bars"
  )
  local narration=(
    "In this lesson we trade the relative strength index. We buy Apple when the fourteen day R S I drops below thirty."
    "Only enter when the price is above the two hundred day moving average. Put the stop loss two percent below the entry."
    "Exit when the R S I crosses above seventy, or take profit at two times the risk. Never hold more than twenty bars."
  )
  local font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf list="$work/parts.txt" srt="$work/lesson.srt" t=0
  : > "$list"; : > "$srt"
  for i in 0 1 2; do
    echo "${narration[$i]}" | text2wave -o "$work/n$i.wav" -eval '(voice_cmu_us_slt_arctic_hts)' 2>/dev/null \
      || echo "${narration[$i]}" | text2wave -o "$work/n$i.wav"
    local dur; dur="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/n$i.wav")"
    local title="${slides[$i]%%|*}" line="${slides[$i]##*|}"
    printf '%s' "$title" > "$work/t$i.txt"; printf '%s' "$line" > "$work/l$i.txt"
    ffmpeg -nostdin -v error -y -f lavfi -i "color=c=0x10243f:s=1280x720:r=25" -i "$work/n$i.wav" \
      -vf "drawtext=fontfile=$font:textfile=$work/t$i.txt:fontcolor=white:fontsize=44:x=(w-text_w)/2:y=260,drawtext=fontfile=$font:textfile=$work/l$i.txt:fontcolor=0xffd166:fontsize=36:x=(w-text_w)/2:y=380" \
      -t "$dur" -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -ar 44100 -shortest "$work/p$i.mp4"
    echo "file '$work/p$i.mp4'" >> "$list"
    local end; end="$(awk -v a="$t" -v b="$dur" 'BEGIN{printf "%.3f", a+b}')"
    printf '%d\n%s --> %s\n%s\n\n' $((i + 1)) "$(srt_time "$t")" "$(srt_time "$end")" "${narration[$i]}" >> "$srt"
    t="$end"
  done
  ffmpeg -nostdin -v error -y -f concat -safe 0 -i "$list" -i "$srt" -map 0:v -map 0:a -map 1:s -c:v copy -c:a copy \
    -c:s mov_text -metadata:s:s:0 language=eng -movflags +faststart "$out"
  rm -rf "$work"
  echo "$out"
}

srt_time() {
  awk -v s="$1" 'BEGIN{h=int(s/3600); m=int((s%3600)/60); sec=s-h*3600-m*60; printf "%02d:%02d:%06.3f", h, m, sec}' | tr . ,
}

json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

# Ingests the sample and follows its run; returns 0 only when the run completed.
ingest_and_follow() {
  local video; video="$(make_sample_video)"
  log "sample lesson: $video"
  local body="{\"video_path\": \"samples/$(basename "$video")\", \"source_url\": \"generated://rsi-lesson\"}"
  local answer; answer="$(curl -fsS -w '\n%{http_code}' -X POST "$API_URL/ingest" -H 'content-type: application/json' \
      -d "$body")" || die "ingest failed"
  local id; id="$(echo "${answer%$'\n'*}" | json_field "['id']")"
  if [ "${answer##*$'\n'}" = 200 ]; then
    # the same content was ingested before (an earlier demo): start over so the run shows today's pipeline
    log "the sample was ingested before as $id; deleting it to follow a fresh run"
    curl -fsS -X DELETE "$API_URL/media_items/$id" >/dev/null || die "could not delete media item $id"
    answer="$(curl -fsS -X POST "$API_URL/ingest" -H 'content-type: application/json' -d "$body")" \
      || die "ingest failed"
    id="$(echo "$answer" | json_field "['id']")"
  fi
  log "media item $id accepted; following its run"
  local last="" status="" deadline=$((SECONDS + ${DEMO_TIMEOUT:-300}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    local item; item="$(curl -fsS "$API_URL/media_items/$id")"
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
  echo "$item" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("\nWhat was found:")
for k in ("filename", "external_video_id", "sha256", "size_bytes", "duration_seconds", "width", "height", "fps", "video_codec", "audio_codec", "subtitle_streams", "status", "status_reason"):
    print("  %-18s %s" % (k, d.get(k)))
for s in d["run"]["stages"]:
    print("  stage %d %-16s %-9s %6s ms  %s" % (s["number"], s["stage"], s["status"], s["duration_ms"], s["summary"] or s["error"] or ""))'
  [ "$status" = completed ] && show_findings "$id" && show_search "$id"
}

# What stages 2-5 found, as a trader would read it through the API.
show_findings() {
  local id="$1"
  echo; echo "Transcript (excerpt, GET $API_URL/transcript/$id?format=srt):"
  curl -fsS "$API_URL/transcript/$id?format=srt" | head -n 12 | sed 's/^/  /'
  curl -fsS "$API_URL/keywords?media_id=$id&limit=200" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("\nKeywords (%d hits, GET /keywords?media_id=...):" % d["total"])
for k in d["items"][:25]:
    print("  %6.1f-%5.1f s  %-22s %-20s %.2f  %-10s %s" % (k["start"], k["end"], k["keyword"], k["category"], k["confidence"], k["source"], k["matched_text"]))'
  curl -fsS "$API_URL/clips?media_id=$id&limit=50" | API_URL="$API_URL" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
print("\nClips (%d):" % d["total"])
for c in d["items"]:
    print("  %6.1f-%5.1f s (%.1f s, %d bytes)  %s" % (c["start"], c["end"], c["duration_seconds"], c["size_bytes"], ", ".join(c["keywords"])))
    print("      download: %s" % c["download_url"])'
  curl -fsS "$API_URL/media_items/$id/concepts" | python3 -c '
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
  curl -fsS -G "$API_URL/embeddings/search" --data-urlencode "query=$question" --data-urlencode "media_id=$id" \
      --data-urlencode "top_k=3" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for h in d["hits"]:
    print("  %6.1f-%5.1f s  %-10s score %.4f  similarity %.2f  %s" % (h["start_seconds"], h["end_seconds"], h["type"], h["score"], h["similarity"], " ".join(h["text"].split())[:90]))
    print("      play: %s" % h["play"])
hits = d["hits"]
sys.exit(0 if hits and "stop" in hits[0]["text"].lower() else 1)'
}

run_demo() {
  ingest_and_follow || die "the sample's run did not complete"
  load_market_data
  backtest_demo
  cat <<URLS

API base:            $API_URL
Swagger UI (API):    http://localhost:8003/swagger-ui/index.html
Swagger UI (orch.):  http://localhost:8002/swagger-ui/index.html
Swagger UI (embed.): http://localhost:8004/swagger-ui/index.html
Swagger UI (backt.): http://localhost:8001/swagger-ui/index.html
Stop everything:     deploy/local/stack.sh down
URLS
}
