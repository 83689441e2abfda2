#!/usr/bin/python3
"""odbc_views.py — reads the views of pg_perfbudget the way Excel, WPS and
Power BI do on Windows: through the psqlODBC Unicode driver, with the ODBC
catalog calls (SQLTables, SQLColumns) and plain SELECTs, here through
unixODBC and pyodbc (Debian: odbc-postgresql, unixodbc, python3-pyodbc).

    PB_ODBC_CONNSTR='DRIVER={…};SERVER=…;PORT=…;DATABASE=…;UID=…;PWD=…' \
    PB_PSQL_DB=db /usr/bin/python3 test/bi/odbc_views.py

The same database is read through psql (PB_PSQL_DB and the PG* variables)
for the expected answers: the view list, each column's comment, and each
view's rows, which must come back through ODBC equal, Chinese text intact.
Output is TAP; the exit status is 1 when a test failed.
"""
import datetime
import decimal
import os
import subprocess
import sys

import pyodbc

SCHEMA = "perfbudget"
DEPARTMENT = "如皋市人力资源和社会保障局"

# ODBC SQL types a spreadsheet or BI tool maps to a plain cell type
PLAIN = {
    pyodbc.SQL_CHAR, pyodbc.SQL_VARCHAR, pyodbc.SQL_LONGVARCHAR,
    pyodbc.SQL_WCHAR, pyodbc.SQL_WVARCHAR, pyodbc.SQL_WLONGVARCHAR,
    pyodbc.SQL_SMALLINT, pyodbc.SQL_INTEGER, pyodbc.SQL_BIGINT,
    pyodbc.SQL_NUMERIC, pyodbc.SQL_DECIMAL, pyodbc.SQL_REAL, pyodbc.SQL_FLOAT,
    pyodbc.SQL_DOUBLE, pyodbc.SQL_BIT, pyodbc.SQL_TYPE_DATE,
    pyodbc.SQL_TYPE_TIMESTAMP,
}
# PostgreSQL built-in type names the driver reports for them
BUILT_IN = {
    "bool", "int2", "int4", "int8", "numeric", "float4", "float8", "text",
    "varchar", "bpchar", "char", "date", "timestamp", "timestamptz",
}

tests = 0
failed = 0


def ok(passed, name, *diag):
    global tests, failed
    tests += 1
    if not passed:
        failed += 1
    print(("ok " if passed else "not ok ") + f"{tests} - {name}")
    if not passed:
        for d in diag:
            print(f"#   {d}")
    sys.stdout.flush()


NULL = "\x02NULL\x03"


def psql(sql):
    """Rows of a query through psql, as lists of text (NULL as NULL)."""
    out = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-F", "\x1f",
         "-R", "\x1e", "-P", "null=" + NULL, "-d", os.environ["PB_PSQL_DB"], "-c", sql],
        check=True, capture_output=True).stdout.decode("utf-8")
    out = out.rstrip("\n")
    return [r.split("\x1f") for r in out.split("\x1e")] if out else []


def as_text(value, pg_type):
    """An ODBC value written as psql writes it."""
    if value is None:
        return NULL
    if pg_type == "bool":
        # psqlODBC's default BoolsAsChar=1 sends bools as the characters 1/0
        return "t" if value in (True, 1, "1") else "f" if value in (False, 0, "0") else repr(value)
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def quote_ident(name):
    return '"' + name.replace('"', '""') + '"'


def main():
    conn = pyodbc.connect(os.environ["PB_ODBC_CONNSTR"], autocommit=True)
    ok(True, "connect through " + conn.getinfo(pyodbc.SQL_DRIVER_NAME) + " "
       + conn.getinfo(pyodbc.SQL_DRIVER_VER))
    cur = conn.cursor()

    # the server side of the session, as the driver set it up
    enc = cur.execute("SHOW client_encoding").fetchone()[0]
    ok(enc == "UTF8", f"client_encoding is UTF8 (got {enc})")

    expected_views = [r[0] for r in psql(
        "SELECT c.relname FROM pg_class c WHERE c.relkind = 'v' "
        f"AND c.relnamespace = '{SCHEMA}'::regnamespace ORDER BY 1")]
    listed = sorted(r.table_name for r in cur.tables(schema=SCHEMA, tableType="VIEW"))
    ok(sorted(expected_views) == listed and len(listed) >= 10,
       f"SQLTables lists the {len(expected_views)} views of {SCHEMA}",
       f"expected {sorted(expected_views)}", f"got      {listed}")
    for twin in ("部门汇总", "地区汇总", "项目汇总", "指标明细", "问题清单"):
        ok(twin in listed, f"SQLTables names the Chinese view {twin} intact")

    for view in expected_views:
        expected_cols = psql(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
            "coalesce(col_description(a.attrelid, a.attnum), ''), "
            "(SELECT typname FROM pg_type WHERE oid = a.atttypid) "
            "FROM pg_attribute a "
            f"WHERE a.attrelid = '{SCHEMA}.{quote_ident(view)}'::regclass "
            "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")
        cols = list(cur.columns(table=view, schema=SCHEMA))
        names = [c.column_name for c in cols]
        ok(names == [c[0] for c in expected_cols],
           f"{view}: SQLColumns lists its {len(expected_cols)} columns in order",
           f"expected {[c[0] for c in expected_cols]}", f"got      {names}")
        odd = [f"{c.column_name} {c.type_name} ({c.data_type})" for c in cols
               if c.data_type not in PLAIN or c.type_name not in BUILT_IN]
        ok(not odd, f"{view}: every column has a plain SQL type and a built-in type name",
           "odd: " + ", ".join(odd))
        comments = {c[0]: c[2] for c in expected_cols}
        missing = [c.column_name for c in cols if not comments.get(c.column_name)]
        ok(not missing, f"{view}: every column has a comment in the catalog",
           "no comment: " + ", ".join(missing))
        if not any(c.remarks for c in cols):
            # psqlODBC up to 13.02 (Debian 12) fills REMARKS with '' for every
            # column; the comments are then read with a query, as below
            ok(True, f"{view}: SQLColumns REMARKS # SKIP the driver returns no column comments")
        else:
            wrong = [f"{c.column_name}: {c.remarks!r}" for c in cols
                     if (c.remarks or "") != comments.get(c.column_name, "")]
            ok(not wrong, f"{view}: SQLColumns REMARKS is each column's comment",
               "REMARKS differ: " + "; ".join(wrong[:3]))
        got = cur.execute(
            "SELECT a.attname, coalesce(pg_catalog.col_description(a.attrelid, a.attnum), '') "
            "FROM pg_catalog.pg_attribute a WHERE a.attrelid = ?::regclass "
            "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            f"{SCHEMA}.{quote_ident(view)}").fetchall()
        ok([tuple(r) for r in got] == [(c[0], c[2]) for c in expected_cols],
           f"{view}: the column comments read through ODBC equal psql's, Chinese intact",
           f"first: {got[:1]!r}")

        pg_types = [c[3] for c in expected_cols]
        order = ", ".join(str(i + 1) for i in range(len(expected_cols)))
        sql = f"SELECT * FROM {SCHEMA}.{quote_ident(view)} ORDER BY {order}"
        want = psql(sql)
        try:
            got = [[as_text(v, t) for v, t in zip(row, pg_types)]
                   for row in cur.execute(sql).fetchall()]
        except pyodbc.Error as e:
            got = [["error: " + str(e)]]
        diff = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), None)
        ok(want == got and len(want) > 0,
           f"{view}: SELECT * returns the {len(want)} rows psql returns, text intact",
           f"rows: psql {len(want)}, ODBC {len(got)}",
           *(() if diff is None else (f"first difference, row {diff}:",
                                      f"psql {want[diff]}", f"ODBC {got[diff]}")))

    # the connection's settings: read-only role, booleans as SQL_BIT
    bits = [c.data_type for c in cur.columns(table="department_summary", schema=SCHEMA, column="is_total")]
    ok(bits == [pyodbc.SQL_BIT], f"BoolsAsChar=0: is_total is SQL_BIT (got {bits})")
    try:
        cur.execute(f"DELETE FROM {SCHEMA}.project")
        refused = None
    except pyodbc.Error as e:
        refused = str(e)
    ok(refused is not None and "read-only" in refused, "the reader's writes are refused (read-only transaction)",
       f"got {refused!r}")

    # UTF-8 in: a Chinese parameter and a Chinese identifier in the statement
    row = cur.execute(f'SELECT "项目数", "主管部门" FROM {SCHEMA}."部门汇总" '
                      'WHERE "主管部门" = ? AND NOT "是否合计"', DEPARTMENT).fetchone()
    ok(row is not None and row[0] == 6 and row[1] == DEPARTMENT,
       "a Chinese parameter selects the department, and its name comes back equal",
       f"got {row!r}")
    echo = cur.execute("SELECT ?::text || '：资金总额（万元）'", "问题清单「测试」").fetchone()[0]
    ok(echo == "问题清单「测试」：资金总额（万元）", "a Chinese round trip through a parameter is exact",
       f"got {echo!r}")

    print(f"1..{tests}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
