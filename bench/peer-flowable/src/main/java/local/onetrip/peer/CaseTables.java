package local.onetrip.peer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer's own copy of OneTrip's read-model tables, in its own schema on the same server: made with
 * LIKE … INCLUDING ALL from OneTrip's tables (so the same columns, checks, unique keys and indexes as the
 * migrations give today), plus the foreign keys between them, so every write pays what ours pays.
 */
final class CaseTables {
  static final List<String> TABLES = List.of("users", "process_definitions", "cases", "tasks", "case_events", "notifications", "registered_names", "department_outages", "step_failures",
      "enterprises", "enterprise_cases");

  private CaseTables() {}

  /** Drops and makes the peer schema again; OneTrip's tables must exist in `source` (its migrations ran). */
  static void create(Connection db, String source, String schema) throws SQLException {
    try (Statement st = db.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('" + source + "." + table + "') IS NOT NULL")) {
          rs.next();
          if (!rs.getBoolean(1)) throw new IllegalStateException("table " + source + "." + table + " is missing: the peer copies OneTrip's schema, run its migrations first");
        }
      }
      // Foreign keys among these tables, as PostgreSQL prints them with the source schema on the path.
      List<String[]> foreignKeys = new ArrayList<>();
      st.execute("SET search_path = " + source);
      try (ResultSet rs = st.executeQuery(
          "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
              + "WHERE c.contype = 'f' AND c.connamespace = '" + source + "'::regnamespace")) {
        while (rs.next()) {
          String table = rs.getString(1);
          String definition = rs.getString(3);
          String target = definition.replaceFirst("(?s).*REFERENCES\\s+([^\\s(]+).*", "$1");
          if (TABLES.contains(table) && TABLES.contains(target)) foreignKeys.add(new String[] {table, rs.getString(2), definition});
        }
      }
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      st.execute("CREATE SCHEMA " + schema);
      st.execute("SET search_path = " + schema);
      for (String table : TABLES) st.execute("CREATE TABLE " + schema + "." + table + " (LIKE " + source + "." + table + " INCLUDING ALL)");
      for (String[] fk : foreignKeys) st.execute("ALTER TABLE " + schema + "." + fk[0] + " ADD CONSTRAINT " + fk[1] + " " + fk[2]);
      // Serial columns: their own sequences, not the source's.
      List<String[]> serials = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(
          "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = '" + schema + "' AND column_default LIKE 'nextval(%'")) {
        while (rs.next()) serials.add(new String[] {rs.getString(1), rs.getString(2)});
      }
      for (String[] serial : serials) {
        String sequence = schema + "." + serial[0] + "_" + serial[1] + "_seq";
        st.execute("CREATE SEQUENCE " + sequence);
        st.execute("ALTER TABLE " + schema + "." + serial[0] + " ALTER COLUMN " + serial[1] + " SET DEFAULT nextval('" + sequence + "')");
      }
      st.execute("CREATE SEQUENCE " + schema + ".enterprise_sequence START 1000");
      // The shipped definitions (no author): the outcome's lock reads the case's definition beside it, as ours.
      st.execute("INSERT INTO " + schema + ".process_definitions SELECT * FROM " + source + ".process_definitions WHERE created_by_id IS NULL");
      st.execute("SET search_path = " + schema);
    }
  }
}
