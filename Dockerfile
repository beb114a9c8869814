# syntax=docker/dockerfile:1
#
# scst-manager container image: a JRE-only runtime with the application split into
# layers (libraries change less often than the application).
#
# Build:   docker build -t scst-manager .
#
# Simulator mode (the default when the container has no /sys/kernel/scst_tgt): runs as
# the unprivileged user scst (uid 10001) and keeps its state in the /app/data volume.
#
#   docker run --rm -p 127.0.0.1:8080:8080 -v scst-data:/app/data scst-manager
#
# Kernel mode: manage the host's SCST. Why root and /sys: SCST's sysfs files belong to
# root (mode 0644 or 0200) and sysfs checks those mode bits for every writer, so only uid
# 0 can write a management command; and Docker mounts /sys read-only unless the container
# is privileged or /sys is bind-mounted read-write. No capability is needed beyond being
# uid 0 (the files are root's own), so the capabilities are dropped:
#
#   docker run --rm --user 0 --cap-drop ALL --security-opt no-new-privileges \
#       -v /sys/kernel/scst_tgt:/sys/kernel/scst_tgt -p 127.0.0.1:8080:8080 \
#       -e SCST_SYSFS_MODE=kernel scst-manager
#
# /app/data belongs to group 0 with group write, so root without capabilities (no
# CAP_DAC_OVERRIDE) can still save the desired configuration there. (--privileged
# -v /sys:/sys works as well but grants far more.) Backing files named in
# add_device commands are opened by the host kernel's SCST threads, so they are host
# paths, not paths inside the container.
#
# HEALTHCHECK: the JRE image has no curl, so the jar itself probes actuator readiness
# (java -jar app.jar healthcheck [URL]; exit 0 when the URL answers 2xx). Readiness needs
# SCST and its writable management files: in kernel mode without SCST loaded the
# container is unhealthy. It leaves out the overall health's drift check (a whole export:
# 0.3 to 0.5 s at 1,000 targets on the simulator; on a kernel it reads every object's
# sysfs files).
#
# Listening: the application listens on 127.0.0.1 by default, which inside a container
# is reachable from nowhere else, so SERVER_ADDRESS=0.0.0.0 is set here. Publish the
# port on the host's loopback (as above) or behind something that authenticates.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
	&& cp target/scst-manager-*.jar /src/app.jar \
	&& java -Djarmode=tools -jar /src/app.jar extract --layers --application-filename app.jar \
		--destination /src/layers

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 scst \
	&& useradd --system --uid 10001 --gid scst --home-dir /app --shell /usr/sbin/nologin scst \
	&& mkdir -p /app/data \
	&& chown 10001:0 /app/data \
	&& chmod 0770 /app/data
WORKDIR /app
COPY --from=build /src/layers/dependencies/ ./
COPY --from=build /src/layers/spring-boot-loader/ ./
COPY --from=build /src/layers/snapshot-dependencies/ ./
COPY --from=build /src/layers/application/ ./
# Class-data sharing: one training run at build time starts the application context on
# a throw-away simulator and exits once it is refreshed (-Dspring.context.exit=onRefresh,
# nothing listens), writing the classes it loaded to /app/app.jsa; every start then maps
# them instead of loading and verifying them again. Same JVM, same jar paths and same
# flags as the ENTRYPOINT, or the JVM ignores the archive.
RUN java -XX:+UseSerialGC -Xmx140m -Xmn30m -XX:TrimNativeHeapInterval=1000 -XX:+ExitOnOutOfMemoryError \
		-XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar --scst.sysfs.mode=simulator \
		--scst.simulator.persist=false --scst.simulator.data-dir=/tmp/training \
		--scst.config.path=/tmp/training/scst-desired.conf --scst.security.audit-file=/tmp/training/audit.log \
	&& rm -rf /tmp/training
ENV SERVER_ADDRESS=0.0.0.0 \
	SERVER_PORT=8080
USER 10001:10001
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
	CMD ["java", "-XX:TieredStopAtLevel=1", "-Xmx32m", "-jar", "/app/app.jar", "healthcheck"]
# JVM flags: JAVA_OPTS of docs/deploy/systemd/scst-manager.env, repeated here and in the
# training run above (JvmFlagsTests checks); resident set ~280 to 300 MB with a large
# state, so the container needs a memory limit of at least 384 MiB.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xmx140m", "-Xmn30m", "-XX:TrimNativeHeapInterval=1000", \
	"-XX:+ExitOnOutOfMemoryError", \
	"-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
