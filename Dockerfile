# One image for the three services; docker-compose.yml picks the command. Build the jar first:
#   ./mvnw -DskipTests install && docker build -t newsflow .
FROM eclipse-temurin:21-jre
# curl serves the health checks in docker-compose.yml.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 newsflow \
    && mkdir -p /state /inbox \
    && chown newsflow:newsflow /state /inbox
WORKDIR /app
COPY cli/target/newsflow.jar /app/newsflow.jar
# State directories belong to the service user: a named volume mounted here takes this ownership.
VOLUME ["/state"]
USER newsflow
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow.schemas.avro,java.lang,java.util,java.time"
ENTRYPOINT ["java", "-jar", "/app/newsflow.jar"]
