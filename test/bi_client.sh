#!/usr/bin/env bash
# test/bi_client.sh — a real BI client reads the reporting views: pgJDBC
# (Debian: libpostgresql-jdbc-java, /usr/share/java/postgresql.jar) under
# Java 17 (default-jre-headless), through test/bi/ViewTypes.java.
#
# Runs inside an existing cluster (PG* variables, e.g. from pg_virtualenv;
# the maintenance database is PGDATABASE or 'postgres').  It creates a
# scratch database with the extension and the six seed forms, then runs
#
#   java -cp /usr/share/java/postgresql.jar test/bi/ViewTypes.java
#
# (single-file source launch: no javac step), which lists the columns of
# every reporting view through DatabaseMetaData.getColumns, fails on a type
# a BI tool cannot map, reads every row with getObject() and checks the
# acceptance numbers of department_summary.
#
# pgJDBC speaks TCP only (a unix socket needs extra jars): when PGHOST is a
# socket directory or unset, the client connects to localhost:PGPORT, where
# pg_virtualenv's cluster listens too.  The password is PGPASSWORD (set by
# pg_virtualenv).
#
# Output is TAP; the exit status is non-zero when a test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=${PGJDBC_JAR:-/usr/share/java/postgresql.jar}
MAINT_DB=${PGDATABASE:-postgres}
DB=pb_bi_$$

if ! command -v java >/dev/null 2>&1 || [[ ! -r "$JAR" ]]; then
	echo "not ok 1 - java and pgJDBC are installed (need default-jre-headless and libpostgresql-jdbc-java)"
	echo "1..1"
	exit 1
fi

cleanup() {
	dropdb --if-exists --maintenance-db="$MAINT_DB" "$DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

host=${PGHOST:-localhost}
[[ "$host" == /* ]] && host=localhost
port=${PGPORT:-5432}

createdb --maintenance-db="$MAINT_DB" "$DB"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION pg_perfbudget;
\set doc `cat examples/rugao_2024_hrss.txt`
SELECT count(*) FROM perfbudget.import_form(:'doc');
SQL

# The database name is ASCII; no URL escaping needed.
PB_JDBC_URL="jdbc:postgresql://$host:$port/$DB" \
	java -cp "$JAR" test/bi/ViewTypes.java
