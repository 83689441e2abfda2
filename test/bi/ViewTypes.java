/*
 * ViewTypes.java — reads the reporting views of pg_perfbudget the way a BI
 * tool does: through pgJDBC's DatabaseMetaData and plain getObject().
 *
 *   java -cp /usr/share/java/postgresql.jar test/bi/ViewTypes.java
 *
 * (single-file source launch, no javac step).  Connection from the
 * environment: PB_JDBC_URL (jdbc:postgresql://host:port/db), PGUSER,
 * PGPASSWORD.  The database must hold the seed forms
 * (examples/rugao_2024_hrss.txt) and nothing else.
 *
 * For each view: every column has a JDBC type a BI tool can map (not
 * OTHER, JAVA_OBJECT, STRUCT, DISTINCT, ARRAY) and a built-in PostgreSQL
 * type name; the column list is printed with its JDBC types; every row is
 * read with getObject() on every column.  Then the acceptance numbers of
 * department_summary.  Output is TAP; the exit status is 1 when a test
 * failed.
 */
import java.math.BigDecimal;
import java.sql.*;
import java.util.*;

public class ViewTypes {
    static final String SCHEMA = "perfbudget";
    static final String DEPARTMENT = "如皋市人力资源和社会保障局";

    /* view -> rows expected for the seed */
    static final LinkedHashMap<String, Integer> VIEWS = new LinkedHashMap<>();
    static {
        VIEWS.put("department_summary", 2);
        VIEWS.put("project_summary", 6);
        VIEWS.put("indicator_detail", 92);
        VIEWS.put("form_issues", 13);
        VIEWS.put("department_review", 1);
        VIEWS.put("部门汇总", 2);
        VIEWS.put("项目汇总", 6);
        VIEWS.put("指标明细", 92);
        VIEWS.put("问题清单", 13);
    }

    /* PostgreSQL built-in types that every BI driver maps to a plain type */
    static final Set<String> BUILT_IN = Set.of(
        "bool", "int2", "int4", "int8", "numeric", "float4", "float8",
        "text", "varchar", "bpchar", "date", "timestamp", "timestamptz");

    static final Set<Integer> UNMAPPABLE = Set.of(
        Types.OTHER, Types.JAVA_OBJECT, Types.STRUCT, Types.DISTINCT, Types.ARRAY);

    static int tests = 0;
    static int failed = 0;

    static void ok(boolean pass, String name, String... diag) {
        tests++;
        if (!pass)
            failed++;
        System.out.println((pass ? "ok " : "not ok ") + tests + " - " + name);
        if (!pass)
            for (String d : diag)
                System.out.println("#   " + d);
    }

    static String jdbcTypeName(int type) {
        try {
            return JDBCType.valueOf(type).getName();
        } catch (IllegalArgumentException e) {
            return "type " + type;
        }
    }

    static String escape(String pattern, String esc) {
        return pattern.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv("PB_JDBC_URL");
        if (url == null) {
            System.out.println("Bail out! PB_JDBC_URL is not set");
            System.exit(2);
        }
        Properties props = new Properties();
        props.setProperty("user", Objects.requireNonNullElse(System.getenv("PGUSER"), "postgres"));
        String password = System.getenv("PGPASSWORD");
        if (password != null)
            props.setProperty("password", password);
        props.setProperty("ApplicationName", "pg_perfbudget ViewTypes");

        try (Connection conn = DriverManager.getConnection(url, props)) {
            DatabaseMetaData md = conn.getMetaData();
            System.out.println("# " + md.getDriverName() + " " + md.getDriverVersion() + ", "
                               + md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
            String esc = md.getSearchStringEscape();

            for (Map.Entry<String, Integer> view : VIEWS.entrySet()) {
                String name = view.getKey();
                List<String> columns = new ArrayList<>();
                List<String> bad = new ArrayList<>();
                System.out.println("# " + SCHEMA + "." + name + ":");
                try (ResultSet rs = md.getColumns(null, escape(SCHEMA, esc), escape(name, esc), "%")) {
                    while (rs.next()) {
                        String col = rs.getString("COLUMN_NAME");
                        int type = rs.getInt("DATA_TYPE");
                        String typeName = rs.getString("TYPE_NAME");
                        columns.add(col);
                        System.out.printf("#   %-26s %-10s %s%n", col, jdbcTypeName(type), typeName);
                        if (UNMAPPABLE.contains(type) || !BUILT_IN.contains(typeName))
                            bad.add(col + ": " + jdbcTypeName(type) + " " + typeName);
                    }
                }
                ok(!columns.isEmpty() && bad.isEmpty(),
                   name + ": " + columns.size() + " columns, all of plain built-in types",
                   bad.isEmpty() ? new String[] {"no columns found"} : bad.toArray(new String[0]));

                /* read every row and column as a BI tool does */
                int rows = 0;
                List<String> problems = new ArrayList<>();
                String sql = "SELECT * FROM " + SCHEMA + ".\"" + name.replace("\"", "\"\"") + "\"";
                try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    ResultSetMetaData rmd = rs.getMetaData();
                    int n = rmd.getColumnCount();
                    if (n != columns.size())
                        problems.add("the query has " + n + " columns, getColumns listed " + columns.size());
                    for (int i = 1; i <= n; i++) {
                        if (i <= columns.size() && !rmd.getColumnLabel(i).equals(columns.get(i - 1)))
                            problems.add("column " + i + " is " + rmd.getColumnLabel(i) + " in the result set, "
                                         + columns.get(i - 1) + " in getColumns");
                        if (UNMAPPABLE.contains(rmd.getColumnType(i)))
                            problems.add(rmd.getColumnLabel(i) + " reads as " + jdbcTypeName(rmd.getColumnType(i)));
                    }
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            if (v != null && v.getClass().getName().startsWith("org.postgresql."))
                                problems.add(rmd.getColumnLabel(i) + " reads as " + v.getClass().getName());
                        }
                    }
                } catch (SQLException e) {
                    problems.add(e.getSQLState() + " " + e.getMessage());
                }
                if (rows != view.getValue())
                    problems.add(rows + " rows, expected " + view.getValue());
                ok(problems.isEmpty(), name + ": read " + rows + " rows with getObject()",
                   problems.stream().distinct().toArray(String[]::new));
            }

            /* the acceptance numbers */
            String q = "SELECT projects, total, spend_half_year, indicators, quantitative_indicators, "
                       + "quantitative_share FROM perfbudget.department_summary "
                       + "WHERE budget_year = ? AND department = ? AND NOT is_total";
            try (PreparedStatement ps = conn.prepareStatement(q)) {
                ps.setInt(1, 2024);
                ps.setString(2, DEPARTMENT);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean found = rs.next();
                    ok(found, "department_summary has a row for " + DEPARTMENT + " in 2024");
                    if (found) {
                        ok(rs.getLong("projects") == 6, "6 projects", "got " + rs.getLong("projects"));
                        ok(rs.getBigDecimal("total").compareTo(new BigDecimal("1151")) == 0,
                           "1151 万元 total", "got " + rs.getBigDecimal("total"));
                        ok(rs.getBigDecimal("spend_half_year").compareTo(new BigDecimal("1052")) == 0,
                           "1052 万元 half-year plan", "got " + rs.getBigDecimal("spend_half_year"));
                        ok(rs.getLong("indicators") == 92, "92 indicators", "got " + rs.getLong("indicators"));
                        ok(rs.getLong("quantitative_indicators") == 24, "24 quantitative indicators",
                           "got " + rs.getLong("quantitative_indicators"));
                        ok(rs.getBigDecimal("quantitative_share").compareTo(new BigDecimal("0.2609")) == 0,
                           "quantitative share 0.2609", "got " + rs.getBigDecimal("quantitative_share"));
                        ok(!rs.next(), "exactly one such row");
                    }
                }
            }
        } catch (SQLException e) {
            ok(false, "connect and query", e.getSQLState() + " " + e.getMessage());
        }
        System.out.println("1.." + tests);
        System.exit(failed == 0 ? 0 : 1);
    }
}
