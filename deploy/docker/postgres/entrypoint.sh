#!/bin/bash
# Creates the cluster in $PGDATA on first start (superuser POSTGRES_USER with POSTGRES_PASSWORD,
# database POSTGRES_DB), then runs the server in the foreground. Password authentication
# (scram-sha-256) over TCP; the Unix socket lives in /tmp (the root filesystem may be read-only).
set -euo pipefail
user="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$user}"
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then POSTGRES_PASSWORD="$(< "$POSTGRES_PASSWORD_FILE")"; fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE)}"
  pwfile="$(mktemp /tmp/pwfile.XXXXXX)"
  printf '%s' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 > /dev/null
  rm -f "$pwfile"
  echo 'host all all all scram-sha-256' >> "$PGDATA/pg_hba.conf"
  if [ "$database" != postgres ]; then
    echo "CREATE DATABASE \"$database\"" | postgres --single -D "$PGDATA" -c unix_socket_directories=/tmp postgres > /dev/null
  fi
  echo "entrypoint: created the cluster in $PGDATA (user $user, database $database)"
fi
unset POSTGRES_PASSWORD
# jit=off: the image leaves out LLVM (see build-base-images.sh).
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp -c jit=off "$@"
