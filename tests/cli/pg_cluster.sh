# A throwaway PostgreSQL 15 + PostGIS cluster for the tests and the benchmark, sourced by them:
# `pg_cluster_start` makes it in a temporary folder, reached on a unix socket there (no TCP), with
# a database `atlas` holding the postgis extension, and stops and removes it on exit. Skips
# (exit 77) where Debian's postgresql-15 and postgresql-15-postgis-3 are missing.
# After it: $pg_tmp (the socket's folder), $pg_port, $pg_password (also in PGPASSWORD),
# $pg_conninfo (libpq's), and psql_atlas ARGS... (psql as the cluster's user `atlas`).
# PG_CLUSTER_PREFIX (the folder's name before its random ending) and PG_CLUSTER_PORT choose them.
pgbin=${PG_BIN:-/usr/lib/postgresql/15/bin}  # where Debian puts the server

pg_cluster_check() {
  local tool
  for tool in "$pgbin/initdb" "$pgbin/pg_ctl" "$pgbin/psql" "$@"; do
    if [ ! -x "$tool" ]; then
      echo "SKIP: $tool is missing (Debian: apt-get install postgresql-15 postgresql-15-postgis-3 gdal-bin)"
      exit 77
    fi
  done
  if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    echo "SKIP: PostGIS is not installed (Debian: apt-get install postgresql-15-postgis-3)"
    exit 77
  fi
}

pg_cluster_stop() {
  [ -f "$pg_tmp/data/postmaster.pid" ] &&
    "${pg_as_owner[@]}" "$pgbin/pg_ctl" -D "$pg_tmp/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$pg_tmp"
}

psql_atlas() { "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_tmp" -p "$pg_port" -U atlas "$@"; }

# pg_cluster_start LOG_DIR [SERVER_OPTION...]: exits 1 with the server's log if it fails.
pg_cluster_start() {
  local log=$1
  shift
  # PostgreSQL refuses to run as root: as root, the cluster belongs to nobody.
  pg_tmp=$(mktemp -d "${PG_CLUSTER_PREFIX:-/tmp/atlas-pg}.XXXXXX")
  pg_as_owner=()
  if [ "$(id -u)" -eq 0 ]; then
    chown nobody "$pg_tmp"
    pg_as_owner=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  fi
  trap pg_cluster_stop EXIT
  trap 'exit 130' INT TERM
  # A port only names the socket file in $pg_tmp, so any free number does.
  pg_port=${PG_CLUSTER_PORT:-$((20000 + RANDOM % 20000))}
  pg_password="atlas-test-$RANDOM$RANDOM"
  printf '%s\n' "$pg_password" >"$pg_tmp/pw" && chown --reference="$pg_tmp" "$pg_tmp/pw"
  if ! "${pg_as_owner[@]}" "$pgbin/initdb" -D "$pg_tmp/data" -U atlas --pwfile="$pg_tmp/pw" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 >"$log/initdb.log" 2>&1; then
    echo "FAIL: initdb (see $log/initdb.log)"
    exit 1
  fi
  local options="-k $pg_tmp -p $pg_port -c listen_addresses=''"
  local o
  for o in "$@"; do options+=" -c $o"; done
  if ! "${pg_as_owner[@]}" "$pgbin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w -t 30 \
    -o "$options" start >/dev/null; then
    cat "$pg_tmp/server.log"
    echo "FAIL: the PostgreSQL server did not start"
    exit 1
  fi
  export PGPASSWORD=$pg_password
  pg_conninfo="host=$pg_tmp port=$pg_port dbname=atlas user=atlas"
  if ! { psql_atlas -d postgres -c 'CREATE DATABASE atlas' &&
    psql_atlas -d atlas -c 'CREATE EXTENSION postgis'; } >"$log/setup.log" 2>&1; then
    cat "$log/setup.log"
    echo "FAIL: the postgis extension could not be created"
    exit 1
  fi
}
