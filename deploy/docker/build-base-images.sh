#!/usr/bin/env bash
# Builds the base images of the compose stack from Debian's package archive, without any image
# registry: `debootstrap` of Debian 13 "trixie" (minbase) into a directory, trimmed, then
# `tar | docker import`. Called by `npm run deploy:images`; see deploy/README.md.
#
#   complaints/base-node-build:trixie   nodejs 20.19 + npm (the build stage of deploy/docker/Dockerfile)
#   complaints/base-node:trixie         nodejs 20.19 only (the runtime stage)
#   complaints/base-java:trixie         openjdk-21-jre-headless (deploy/docker/kafka.Dockerfile adds the Kafka jars)
#   complaints/base-postgres:trixie     postgresql-17 (deploy/docker/postgres.Dockerfile adds the entrypoint)
#
# An image that already exists is kept (debootstrap takes minutes); DEPLOY_REBUILD_BASE=1 rebuilds
# them all, DEPLOY_REBUILD_BASE=node,java,postgres (any of them) only those. DEBIAN_MIRROR picks the archive (default http://deb.debian.org/debian).
set -euo pipefail

MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=trixie
TAG="$SUITE"
WORK="${DEPLOY_BASE_WORKDIR:-/var/tmp/complaints-base-images}"

if [ "$(id -u)" != 0 ]; then
  echo "build-base-images: debootstrap needs root (run as root, or with sudo)" >&2
  exit 1
fi
command -v debootstrap > /dev/null || {
  echo "build-base-images: debootstrap is missing: apt-get install debootstrap" >&2
  exit 1
}

exists() { docker image inspect "$1" > /dev/null 2>&1; }

# Removes what a container never needs: documentation, manuals, translations, package caches and lists.
trim() {
  local root="$1"
  rm -rf "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
    "$root"/usr/share/lintian "$root"/usr/share/linda "$root"/var/cache/debconf/*-old \
    "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/log/* "$root"/tmp/* "$root"/root/.cache
  find "$root"/usr/share/locale -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2> /dev/null || true
}

# debootstrap SUITE with the given packages into $WORK/<name> (fresh each time).
bootstrap() {
  local name="$1" packages="$2" root="$WORK/$1"
  # A run that was interrupted may have left /proc mounted in the tree: never delete through it.
  if mountpoint -q "$root/proc" 2> /dev/null; then umount "$root/proc"; fi
  rm -rf --one-file-system "$root"
  mkdir -p "$root"
  echo "build-base-images: debootstrap $SUITE ($packages) into $root"
  debootstrap --variant=minbase --include="$packages" "$SUITE" "$root" "$MIRROR" > "$WORK/$name.log" 2>&1 || {
    tail -30 "$WORK/$name.log" >&2
    echo "build-base-images: debootstrap of $name failed; full log: $WORK/$name.log" >&2
    return 1
  }
  # Never start services inside the chroot (postinst scripts of later apt-get calls).
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
}

# Imports a root directory as an image (tar of the directory, numeric owners kept).
import() {
  local root="$1" image="$2"
  shift 2
  tar --numeric-owner --exclude=./proc/* --exclude=./sys/* -C "$root" -c . | docker import "$@" - "$image" > /dev/null
  echo "build-base-images: $image $(docker image inspect -f '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1 / 1e6 }')"
}

node_images() {
  bootstrap node "nodejs"
  local root="$WORK/node"
  # npm (build stage only) with apt, whose resolver handles npm's many node-* dependencies (debootstrap's does not).
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  if ! chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c \
    'apt-get update -q && apt-get install -y -q --no-install-recommends npm' > "$WORK/node-npm.log" 2>&1; then
    umount "$root/proc"
    tail -30 "$WORK/node-npm.log" >&2
    echo "build-base-images: installing npm failed; full log: $WORK/node-npm.log" >&2
    return 1
  fi
  umount "$root/proc"
  trim "$root"
  import "$root" "complaints/base-node-build:$TAG" -c 'ENV LANG=C.UTF-8' -c 'CMD ["node"]'
  # The runtime: the same tree without npm, what only npm needed, and apt.
  chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --autoremove npm > "$WORK/node-purge.log" 2>&1
  chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --allow-remove-essential apt > "$WORK/node-purge-apt.log" 2>&1 || true
  : > "$root/etc/resolv.conf"
  trim "$root"
  import "$root" "complaints/base-node:$TAG" -c 'ENV LANG=C.UTF-8' -c 'CMD ["node"]'
  rm -rf --one-file-system "$root"
}

java_image() {
  bootstrap java "openjdk-21-jre-headless"
  local root="$WORK/java"
  chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --allow-remove-essential apt > "$WORK/java-purge-apt.log" 2>&1 || true
  trim "$root"
  import "$root" "complaints/base-java:$TAG" -c 'ENV LANG=C.UTF-8'
  rm -rf --one-file-system "$root"
}

postgres_image() {
  bootstrap postgres "postgresql-17"
  local root="$WORK/postgres"
  # postgresql-common created a cluster "main" at install; the image's entrypoint runs initdb itself.
  rm -rf "$root"/var/lib/postgresql/17 "$root"/etc/postgresql/17
  # No JIT (the entrypoint sets jit=off): LLVM, which only llvmjit.so loads, is half the image. Nor the
  # locale sources (the cluster uses the built-in C.UTF-8).
  rm -rf "$root"/usr/lib/postgresql/17/lib/llvmjit* "$root"/usr/lib/postgresql/17/lib/bitcode \
    "$root"/usr/lib/x86_64-linux-gnu/libLLVM* "$root"/usr/lib/x86_64-linux-gnu/libz3.so* "$root"/usr/share/i18n
  chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --allow-remove-essential apt > "$WORK/postgres-purge-apt.log" 2>&1 || true
  trim "$root"
  import "$root" "complaints/base-postgres:$TAG" -c 'ENV LANG=C.UTF-8' -c 'ENV PATH=/usr/lib/postgresql/17/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  rm -rf --one-file-system "$root"
}

mkdir -p "$WORK"
pids=()
names=()
# DEPLOY_REBUILD_BASE=1 rebuilds every base image, DEPLOY_REBUILD_BASE=postgres,java only those (node, java, postgres).
rebuild() { [ "${DEPLOY_REBUILD_BASE:-0}" = 1 ] || [[ ",${DEPLOY_REBUILD_BASE:-}," == *",$1,"* ]]; }
want() { rebuild "$1" || ! exists "$2"; }
# The three debootstraps run side by side (mostly downloads and dpkg).
if want node "complaints/base-node:$TAG" || want node "complaints/base-node-build:$TAG"; then
  node_images &
  pids+=($!)
  names+=(node)
else echo "build-base-images: complaints/base-node:$TAG and base-node-build exist (DEPLOY_REBUILD_BASE=1 rebuilds)"; fi
if want java "complaints/base-java:$TAG"; then
  java_image &
  pids+=($!)
  names+=(java)
else echo "build-base-images: complaints/base-java:$TAG exists (DEPLOY_REBUILD_BASE=1 rebuilds)"; fi
if want postgres "complaints/base-postgres:$TAG"; then
  postgres_image &
  pids+=($!)
  names+=(postgres)
else echo "build-base-images: complaints/base-postgres:$TAG exists (DEPLOY_REBUILD_BASE=1 rebuilds)"; fi

failed=0
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || {
    echo "build-base-images: the ${names[$i]} base image failed" >&2
    failed=1
  }
done
exit "$failed"
