# newsmon image: one image, every component; the command picks the component (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests install

FROM eclipse-temurin:17-jre
WORKDIR /opt/newsmon
COPY --from=build /src/app/target/newsmon.jar ./newsmon.jar
COPY --from=build /src/app/target/lib ./lib
# curl: the healthchecks of docker-compose ask /health/ready on port 8080
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/newsmon newsmon && mkdir -p /var/lib/newsmon && chown newsmon /var/lib/newsmon
USER newsmon
ENV NEWSMON_STATE_DIR=/var/lib/newsmon
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/newsmon/newsmon.jar"]
CMD ["--help"]
