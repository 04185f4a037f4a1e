#!/bin/bash
# Healthy when the broker answers a Kafka request on its PLAINTEXT port (9092 unless
# HEALTHCHECK_PORT): an ApiVersions v0 request, sent over bash's /dev/tcp, must get a reply. A bare
# TCP connect would not do: the port is bound before the broker processes requests. No JVM is
# started, so the check costs nothing.
set -eu
exec 3<> "/dev/tcp/127.0.0.1/${HEALTHCHECK_PORT:-9092}"
# size 10 | api_key 18 (ApiVersions) | api_version 0 | correlation_id 1 | client_id null
printf '\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x00\x01\xff\xff' >&3
# The reply: size (4 bytes), correlation_id 1, error_code 0.
reply="$(timeout 8 head -c 10 <&3 | od -An -tx1 | tr -d ' \n')"
[ "${reply:8:12}" = "000000010000" ]
