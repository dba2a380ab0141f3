# One image recipe for the four services, built from the repository root after `mvn package`:
#   docker build --build-arg SERVICE=backtesting-service --build-arg PORT=8001 .
# The orchestrator adds its media tools with --build-arg APT_PACKAGES="ffmpeg tesseract-ocr ...".
# Debian 12 underneath, with Temurin's JRE copied in: the media stages are tested against Debian 12's ffmpeg,
# tesseract and pocketsphinx (Ubuntu's pocketsphinx 5 no longer has pocketsphinx_continuous).
FROM eclipse-temurin:25-jre AS jre

FROM debian:bookworm-slim
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:$PATH
COPY --from=jre /opt/java/openjdk /opt/java/openjdk
ARG SERVICE
ARG PORT
ARG APT_PACKAGES=""
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates $APT_PACKAGES \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --create-home app && mkdir -p /data/media /data/ingest && chown -R app /data
COPY ${SERVICE}/target/${SERVICE}-*.jar /app/app.jar
ENV PORT=${PORT}
USER app
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD wget -qO- "http://localhost:${PORT}/actuator/health/readiness" >/dev/null 2>&1 \
      || curl -fsS "http://localhost:${PORT}/actuator/health/readiness" >/dev/null || exit 1
# an out-of-memory JVM exits (code 3) instead of limping on; compose restarts it
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
