#!/usr/bin/env bash
# Builds the two images the Testcontainers path of tests/Platform.Testing/TestInfrastructure.cs starts, from Debian
# packages, because no registry can be reached here (shared/reference/local-infrastructure.md §3):
#   platform/postgres:15-local    postgresql-15, entrypoint with the official image's POSTGRES_* conventions
#   platform/rabbitmq:3.10-local  rabbitmq-server 3.10 with the management plugin on 15672, logs on stdout
# Each: debootstrap --variant=minbase bookworm (shared by both), apt-get install of the package in a chroot,
# `docker import` of the rootfs, then a small Dockerfile (deploy/testcontainers/<name>/) on top.
# Idempotent: an image that already exists is skipped; --force rebuilds both.
# Run as root on Debian 12. Uses the engine in DOCKER_HOST; if none answers, starts one for the build and stops it after.
# Rootfs and build contexts live in the checkout's ignored .local/docker-build/.
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$REPO_ROOT/deploy/testcontainers"
BUILD_DIR=${PLATFORM_DOCKER_BUILD_DIR:-$REPO_ROOT/.local/docker-build}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
FORCE=0
[ "${1:-}" = --force ] && FORCE=1
source "$REPO_ROOT/scripts/docker-engine.sh"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (debootstrap and chroot need it)"
trap 'umount_chroot; docker_engine_down' EXIT
MOUNTED=()
umount_chroot() { local m; for m in "${MOUNTED[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done; MOUNTED=(); }

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# One minbase bookworm, kept as a tarball, is the starting point of both images (saves a second debootstrap).
base_rootfs() {
  local tar="$BUILD_DIR/bookworm-minbase.tar"
  if [ -s "$tar" ]; then echo "$tar"; return; fi
  command -v debootstrap >/dev/null || {
    log "apt-get install debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  }
  local dir="$BUILD_DIR/bookworm-minbase"
  rm -rf "$dir"; mkdir -p "$dir"
  log "debootstrap --variant=minbase bookworm ($MIRROR)"
  debootstrap --variant=minbase bookworm "$dir" "$MIRROR" >"$BUILD_DIR/debootstrap.log" 2>&1 ||
    die "debootstrap failed; see $BUILD_DIR/debootstrap.log"
  cat > "$dir/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb $SECURITY_MIRROR bookworm-security main
SOURCES
  # Packages installed into the rootfs must never start their service on the host (a chroot shares its network).
  printf '#!/bin/sh\nexit 101\n' > "$dir/usr/sbin/policy-rc.d"; chmod 755 "$dir/usr/sbin/policy-rc.d"
  tar -C "$dir" -cf "$tar.partial" . && mv "$tar.partial" "$tar"
  rm -rf "$dir"
  echo "$tar"
}

# name, Debian packages..., then "--" and a cleanup command run inside the chroot
build_rootfs() {
  local name=$1; shift
  local packages=() cleanup=""
  while [ $# -gt 0 ] && [ "$1" != -- ]; do packages+=("$1"); shift; done
  [ "${1:-}" = -- ] && { shift; cleanup="$*"; }
  local dir="$BUILD_DIR/$name/rootfs" base
  base=$(base_rootfs)
  rm -rf "$dir"; mkdir -p "$dir"
  tar -C "$dir" -xf "$base"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  mount -t proc proc "$dir/proc"; MOUNTED+=("$dir/proc")
  log "$name: apt-get install ${packages[*]} (in the rootfs)"
  chroot "$dir" /usr/bin/env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 sh -ec "
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends ${packages[*]}
    $cleanup
    apt-get clean
    rm -rf /var/lib/apt/lists/* /usr/share/doc/* /usr/share/man/* /usr/share/info/* /var/log/*.log /var/cache/debconf/*-old
  " >"$BUILD_DIR/$name/apt.log" 2>&1 || { umount_chroot; die "$name: package install failed; see $BUILD_DIR/$name/apt.log"; }
  umount_chroot
  rm -f "$dir/usr/sbin/policy-rc.d"
  : > "$dir/etc/resolv.conf"
}

# name, tag, Debian packages..., -- cleanup
build_image() {
  local name=$1 tag=$2; shift 2
  if image_exists "$tag" && [ "$FORCE" = 0 ]; then log "$tag exists; skipped (--force rebuilds)"; return; fi
  local started=$SECONDS rootfs_tag="platform-build/$name-rootfs:latest" context="$BUILD_DIR/$name/context"
  mkdir -p "$BUILD_DIR/$name"
  build_rootfs "$name" "$@"
  log "$name: docker import"
  tar -C "$BUILD_DIR/$name/rootfs" -c . | docker import - "$rootfs_tag" >/dev/null
  rm -rf "$context"; cp -r "$HERE/$name" "$context"; chmod 755 "$context/docker-entrypoint.sh"
  log "$name: docker build -t $tag"
  DOCKER_BUILDKIT=0 docker build -q --build-arg "ROOTFS=$rootfs_tag" -t "$tag" "$context" >/dev/null 2>"$BUILD_DIR/$name/build.log" ||
    die "$name: docker build failed; see $BUILD_DIR/$name/build.log"
  docker rmi "$rootfs_tag" >/dev/null 2>&1 || true
  rm -rf "$BUILD_DIR/$name/rootfs"
  log "$tag built in $((SECONDS - started)) s ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%d MB", $1/1000000}'))"
}

mkdir -p "$BUILD_DIR"
docker_engine_up || die "no Docker engine"
if image_exists platform/postgres:15-local && image_exists platform/rabbitmq:3.10-local && [ "$FORCE" = 0 ]; then
  log "both images exist; nothing to build"; exit 0
fi
# The Debian package creates a cluster in /var/lib/postgresql/15/main; the entrypoint makes its own in PGDATA.
build_image postgres platform/postgres:15-local postgresql-15 -- "pg_dropcluster 15 main"
build_image rabbitmq platform/rabbitmq:3.10-local rabbitmq-server
