# syntax=docker/dockerfile:1
# One image recipe for the four services, built from the repository root on a machine with only Docker:
#   docker build --build-arg SERVICE=backtesting-service --build-arg PORT=8001 -t tradingedu/backtesting-service .
# The orchestrator adds its media tools with --build-arg APT_PACKAGES="ffmpeg tesseract-ocr ..." (docker-compose.yml).
# Stage "build" compiles the service and the modules it needs with Maven on Temurin 25 (release 21 bytecode). The
# BuildKit cache mount keeps ~/.m2 between builds on the same builder (a developer's Docker), so there only the first
# build downloads the dependencies. CI's builders are new each run and cache mounts are not exported to the `gha`
# cache; any source change invalidates the COPY below: CI downloads the dependencies in every build that compiles.
# The runtime stage is Debian 12 with Temurin's JRE copied in: the media stages are tested against Debian 12's
# ffmpeg, tesseract and pocketsphinx (Ubuntu's pocketsphinx 5 no longer has pocketsphinx_continuous).
ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-25
FROM ${MAVEN_IMAGE} AS build
ARG SERVICE
WORKDIR /src
# the whole reactor (every module's pom must be there); .dockerignore keeps target/, .stack/ and .git/ out
COPY . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    test -n "$SERVICE" || { echo "--build-arg SERVICE=<module> is required (e.g. api-service)" >&2; exit 1; }; \
    mvn -B -q -pl "$SERVICE" -am package -DskipTests \
    && cp "$SERVICE"/target/"$SERVICE"-*.jar /tmp/app.jar

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
COPY --from=build /tmp/app.jar /app/app.jar
ENV PORT=${PORT}
USER 10001
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS "http://localhost:${PORT}/actuator/health/readiness" >/dev/null || exit 1
# The heap's share of the container's memory is read from JAVA_TOOL_OPTIONS, so a deployment can replace it (the
# orchestrator sets 50: ffmpeg, tesseract and pocketsphinx run beside its JVM); a flag on the java command line below
# would win over the variable.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# an out-of-memory JVM exits (code 3) instead of limping on; compose (restart policy) starts it again
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
