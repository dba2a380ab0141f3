# Media benchmark: stages 2-5 (transcript, frames, keywords, clips, concepts) on a generated ten-minute 720p lesson,
# timed per stage with CPU time and peak memory, once with a subtitle track and once through pocketsphinx; then
# pocketsphinx's word error rate on LibriVox speech when the transcription benchmark is there.
# Results: docs/media-benchmark.md. The lesson is generated once and kept in $MEDIA_BENCH_DIR.
MEDIA_BENCH_DIR="${MEDIA_BENCH_DIR:-$STACK_HOME/bench-media}"

run_media_benchmark() {
  log "building the orchestrator service and its media benchmark"
  (cd "$REPO" && mvn -q -B install -DskipTests -pl shared-model,service-support -am \
    && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
      -pl orchestrator-service) \
    || die "the build failed"
  local module="$REPO/orchestrator-service"
  local cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
  mkdir -p "$MEDIA_BENCH_DIR"
  log "running stages 2-5 twice on a 10-minute 720p lesson (about 10 minutes on 2 cores)"
  java -Xmx1g -cp "$cp" io.tradingedu.orchestrator.media.MediaStagesBenchmark "$MEDIA_BENCH_DIR" \
    | tee "$MEDIA_BENCH_DIR/stages.txt" || die "the media benchmark failed"
  local wer="io/tradingedu/orchestrator/processvideo/transcript/TranscriptionBenchmark"
  if [ -f "$module/target/test-classes/$wer.class" ]; then
    log "measuring pocketsphinx's word error rate (pocketsphinx-testdata LibriVox, Festival trading speech)"
    java -Xmx1g -cp "$cp" "${wer//\//.}" | tee "$MEDIA_BENCH_DIR/transcription.txt" \
      || die "the transcription benchmark failed"
  fi
  log "results in $MEDIA_BENCH_DIR/stages.txt and transcription.txt (docs/media-benchmark.md records a run)"
}
