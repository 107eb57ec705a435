#!/usr/bin/env bash
# with-postgres.sh COMMAND...: runs COMMAND beside a throwaway PostgreSQL cluster made for
# it, with KASIR_TEST_PG holding the conninfo, and removes the cluster afterwards. The
# server runs as the invoking user, or as `postgres` when invoked as root (PostgreSQL
# refuses to run as root). Needs the Debian/Ubuntu `postgresql` package.
set -euo pipefail

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "with-postgres.sh: PostgreSQL is not installed (apt install postgresql)" >&2
    exit 1
fi

dir="$(mktemp -d /tmp/kasir-pg.XXXXXX)"
as=()
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    as=(runuser -u postgres --)
fi
port=$((20000 + RANDOM % 20000))
cleanup() {
    "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT

"${as[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U kasir -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
# Tests want speed, not durability: fsync off. max_connections covers the load tests.
"${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c max_connections=300" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"${as[@]}" "$bindir/createdb" -h "$dir" -p "$port" -U kasir kasir

export KASIR_TEST_PG="host=$dir port=$port dbname=kasir user=kasir"
"$@"
