# syntax=docker/dockerfile:1
# Aether server image.
#   docker build -t aether .
#   docker run -p 8000:8000 -v aether-data:/data -e AETHER_HA_URL=... -e AETHER_HA_TOKEN=... aether
# Without AETHER_DB_URL the server runs its embedded PostgreSQL (linux/amd64 only) under /data.
# Settings: docs/configuration.md.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 (dependencies and the Maven distribution) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw && ./mvnw -q -pl api -am package -DskipTests

FROM eclipse-temurin:17-jre
# PostgreSQL refuses to run as root, and the embedded one's root workaround (unshare) is
# usually blocked in containers: run as an unprivileged user that owns the data directory.
RUN groupadd --system aether \
    && useradd --system --gid aether --home-dir /home/aether --create-home --shell /usr/sbin/nologin aether \
    && mkdir -p /data \
    && chown aether:aether /data
WORKDIR /app
COPY --from=build /src/api/target/aether.jar /app/aether.jar
ENV AETHER_DATA_DIR=/data \
    AETHER_PORT=8000 \
    AETHER_BIND_ADDRESS=0.0.0.0
VOLUME ["/data"]
EXPOSE 8000
USER aether
# 256 MiB heap target; the update-checker property keeps Axon from calling AxonIQ (docs/architecture.md).
# Extra JVM options: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-Xmx256m", "-XX:+UseSerialGC", "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true", "-jar", "/app/aether.jar"]
