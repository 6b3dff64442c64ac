#!/usr/bin/env bash
# A throwaway streaming replica of the machine's PostgreSQL, for the read-replica test
# (src/server/replica.int.test.ts). Runs as root: it may add a replication line to the cluster's pg_hba.conf,
# and runs the replica as the postgres user.
#
#   scripts/replica.sh start <dir> <port>   base backup of the primary into <dir>, started as a hot standby
#   scripts/replica.sh stop <dir>           stops that replica and removes <dir>
#
# The primary is PRIMARY_HOST:PRIMARY_PORT (127.0.0.1:5432), reached as the superuser postgres with trust.
# <dir> must be a directory named confidant-replica-* that does not exist yet (start) or that start made (stop).
set -euo pipefail

PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}

primary() { psql -X -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -Atc "$1"; }
die() {
  echo "replica.sh: $*" >&2
  exit 1
}
as_postgres() { runuser -u postgres -- "$@"; }

check_dir() {
  case "$(basename "$1")" in
    confidant-replica-*) ;;
    *) die "refusing to use $1: the directory must be named confidant-replica-*" ;;
  esac
}

start() {
  local dir=$1 port=$2
  check_dir "$dir"
  [ -e "$dir" ] && die "$dir exists already"
  local major bin hba
  major=$(($(primary 'show server_version_num') / 10000))
  bin=/usr/lib/postgresql/$major/bin
  [ -x "$bin/pg_ctl" ] || die "no PostgreSQL $major server binaries in $bin"

  # The primary must let a replica connect for replication from this machine.
  hba=$(primary 'show hba_file')
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    printf '\n# Local streaming replicas for tests (scripts/replica.sh)\nhost replication all 127.0.0.1/32 trust\n' >>"$hba"
    primary 'select pg_reload_conf()' >/dev/null
    sleep 1
  fi

  mkdir "$dir"
  chown postgres:postgres "$dir"
  chmod 0700 "$dir"
  # A fast checkpoint: the default spreads it over minutes.
  as_postgres "$bin/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$dir" \
    -R -X stream -c fast --no-sync

  # A hot standby needs at least the primary's values for these; the rest keeps it small and quick.
  local settings=''
  for name in max_connections max_worker_processes max_wal_senders max_prepared_transactions \
    max_locks_per_transaction; do
    settings+="$name = $(primary "show $name")"$'\n'
  done
  settings+="timezone = '$(primary 'show timezone')'"$'\n'
  settings+="datestyle = '$(primary 'show datestyle')'"$'\n'
  as_postgres tee "$dir/postgresql.conf" >/dev/null <<EOF
# A throwaway hot standby made by scripts/replica.sh.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '/tmp'
hot_standby = on
shared_buffers = 32MB
fsync = off
${settings}
EOF
  # postgresql.auto.conf came from the primary: its paths (data directory, hba file, pid file) are not ours.
  as_postgres sed -i -E '/^(data_directory|hba_file|ident_file|external_pid_file)[[:space:]]*=/d' \
    "$dir/postgresql.auto.conf"
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$dir/pg_hba.conf" >/dev/null
  as_postgres touch "$dir/pg_ident.conf"
  as_postgres "$bin/pg_ctl" -D "$dir" -o "-p $port -k /tmp" -l "$dir/server.log" -w -t 60 start >/dev/null
}

stop() {
  local dir=$1
  check_dir "$dir"
  [ -d "$dir" ] || return 0
  if [ -f "$dir/PG_VERSION" ] && [ -f "$dir/postmaster.pid" ]; then
    local bin
    bin=/usr/lib/postgresql/$(cat "$dir/PG_VERSION")/bin
    as_postgres "$bin/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start)
    [ $# -eq 3 ] || die "usage: $0 start <dir> <port>"
    start "$2" "$3"
    ;;
  stop)
    [ $# -eq 2 ] || die "usage: $0 stop <dir>"
    stop "$2"
    ;;
  *) die "usage: $0 start <dir> <port> | stop <dir>" ;;
esac
