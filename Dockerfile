# One image for the three services; docker-compose.yml picks the command. Build the jar first:
#   ./mvnw -DskipTests install && docker build -t newsflow .
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 newsflow
WORKDIR /app
COPY cli/target/newsflow.jar /app/newsflow.jar
USER newsflow
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.newsflow.schemas.avro,java.lang,java.util,java.time"
ENTRYPOINT ["java", "-jar", "/app/newsflow.jar"]
