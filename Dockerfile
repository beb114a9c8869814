# syntax=docker/dockerfile:1
#
# scst-manager container image.
#
# Build:   docker build -t scst-manager .
#
# Simulator mode (the default when the container has no /sys/kernel/scst_tgt): runs as
# an unprivileged user and keeps its state in the /app/data volume.
#
#   docker run --rm -p 127.0.0.1:8080:8080 -v scst-data:/app/data scst-manager
#
# Kernel mode: manage the host's SCST. SCST's sysfs tree must be writable, which needs
# root inside the container and a writable /sys (Docker mounts /sys read-only unless the
# container is privileged). Arguments after the image name are passed to the server:
#
#   docker run --rm --privileged --user root -v /sys:/sys -p 127.0.0.1:8080:8080 \
#       scst-manager --scst.sysfs.mode=kernel
#
# (SCST_SYSFS_MODE=kernel as an environment variable works as well.) In kernel mode the
# backing files named in add_device commands are opened by the host kernel, so they are
# host paths, not paths inside the container.
#
# The API has no authentication of its own. Publish the port on the loopback interface
# (as above) or put an authenticating proxy in front of it.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
	&& cp target/scst-manager-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system scst \
	&& useradd --system --gid scst --home-dir /app --shell /usr/sbin/nologin scst \
	&& mkdir -p /app/data \
	&& chown scst:scst /app/data
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
# The application listens on 127.0.0.1 by default, which inside a container is reachable
# from nowhere else, so listen on every interface of the container here and control
# exposure with -p when running it.
ENV SERVER_ADDRESS=0.0.0.0
USER scst
EXPOSE 8080
VOLUME ["/app/data"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
