#!/bin/bash
# Follows the official rabbitmq image: RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS / RABBITMQ_DEFAULT_VHOST become the
# default user, password and virtual host; logs go to stdout (RABBITMQ_LOGS=-), so "Server startup complete" is visible
# to Testcontainers' wait strategy.
set -Eeuo pipefail

if [ "${1:-}" = rabbitmq-server ]; then
  # /etc/rabbitmq stays the image's baseline; this container's settings go to a copy in its home.
  conf="$HOME/rabbitmq.conf"
  cp /etc/rabbitmq/rabbitmq.conf "$conf"
  [ -n "${RABBITMQ_DEFAULT_USER:-}" ] && echo "default_user = $RABBITMQ_DEFAULT_USER" >> "$conf"
  [ -n "${RABBITMQ_DEFAULT_PASS:-}" ] && echo "default_pass = $RABBITMQ_DEFAULT_PASS" >> "$conf"
  [ -n "${RABBITMQ_DEFAULT_VHOST:-}" ] && echo "default_vhost = $RABBITMQ_DEFAULT_VHOST" >> "$conf"
  export RABBITMQ_CONFIG_FILE="$HOME/rabbitmq"
fi

exec "$@"
