# One image recipe for the four services, built from the repository root after `mvn package`:
#   docker build --build-arg SERVICE=backtesting-service --build-arg PORT=8001 .
# The orchestrator adds ffmpeg with --build-arg APT_PACKAGES=ffmpeg.
FROM eclipse-temurin:25-jre
ARG SERVICE
ARG PORT
ARG APT_PACKAGES=""
RUN if [ -n "$APT_PACKAGES" ]; then \
      apt-get update && apt-get install -y --no-install-recommends $APT_PACKAGES && rm -rf /var/lib/apt/lists/*; \
    fi
RUN useradd --system --uid 10001 --create-home app && mkdir -p /data/media /data/ingest && chown -R app /data
COPY ${SERVICE}/target/${SERVICE}-*.jar /app/app.jar
ENV PORT=${PORT}
USER app
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD wget -qO- "http://localhost:${PORT}/actuator/health/readiness" >/dev/null 2>&1 \
      || curl -fsS "http://localhost:${PORT}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
