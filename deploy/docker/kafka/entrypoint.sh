#!/bin/bash
# Starts one KRaft Kafka node from environment variables, in the manner of the apache/kafka image:
# every KAFKA_<NAME> variable becomes the property <name> (lower case, `_` -> `.`), e.g.
# KAFKA_PROCESS_ROLES=broker,controller -> process.roles=broker,controller (KAFKA_HEAP_OPTS excepted).
# CLUSTER_ID formats the storage on first start. The root filesystem may be read-only: the
# generated server.properties lives in /tmp (a tmpfs), the data in KAFKA_LOG_DIRS (a volume).
set -euo pipefail
: "${CLUSTER_ID:?set CLUSTER_ID (a base64 UUID, e.g. from kafka-storage random-uuid)}"
conf_dir="$(mktemp -d /tmp/kafka-conf.XXXXXX)"
conf="$conf_dir/server.properties"
: > "$conf"
for variable in $(compgen -e | grep '^KAFKA_' | sort); do
  case "$variable" in KAFKA_HEAP_OPTS | KAFKA_JVM_OPTS) continue ;; esac
  name="${variable#KAFKA_}"
  name="${name,,}"
  printf '%s=%s\n' "${name//_/.}" "${!variable}" >> "$conf"
done
java_opts=(${KAFKA_HEAP_OPTS:-} ${KAFKA_JVM_OPTS:-} -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
  -Dlog4j.configuration=file:/opt/kafka/log4j.properties -cp '/opt/kafka/libs/*')
if [ ! -f "${KAFKA_LOG_DIRS%%,*}/meta.properties" ]; then
  echo "entrypoint: formatting ${KAFKA_LOG_DIRS} for cluster ${CLUSTER_ID}"
  java -Xmx256m -Dlog4j.configuration=file:/opt/kafka/log4j.properties -cp '/opt/kafka/libs/*' \
    kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$conf" --ignore-formatted
fi
exec java "${java_opts[@]}" kafka.Kafka "$conf"
