package local.onetrip.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The statements of OneTrip's AUTO case, one for one (apps/worker/src/persistence/postgres-case.store.ts,
 * outbox.notifier.ts; the submission's insert from apps/api's applications.service.ts), on the
 * connection of the job's own transaction.
 */
final class CaseStatements {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPEN = "('OPEN', 'CLAIMED')";

  private CaseStatements() {}

  record CaseRow(String id, String applicantId, String status, JsonNode form, JsonNode policy, String uscc, int correctionRound) {}

  static void insertCase(Connection db, String id, String applicantId, String filedById, String form, String enterpriseName, String policy, String fees, String flags) throws SQLException {
    String processColumns = CaseTables.casesHaveProcessKey ? ", process_key, process_version" : "";
    String processValues = CaseTables.casesHaveProcessKey ? ", 'enterprise-opening', 1" : "";
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO cases (id, workflow_id, applicant_id, filed_by_id, status, form, form_version, enterprise_name, policy, fees, flags, submitted_at, last_progress_at" + processColumns + ") "
            + "VALUES (?::uuid, ?, ?::uuid, ?::uuid, 'SUBMITTED', ?::jsonb, 1, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?" + processValues + ")")) {
      Timestamp now = Timestamp.from(Instant.now());
      ps.setString(1, id);
      ps.setString(2, "case-" + id);
      ps.setString(3, applicantId);
      ps.setString(4, filedById);
      ps.setString(5, form);
      ps.setString(6, enterpriseName);
      ps.setString(7, policy);
      ps.setString(8, fees);
      ps.setString(9, flags);
      ps.setTimestamp(10, now);
      ps.setTimestamp(11, now);
      ps.executeUpdate();
    }
  }

  /** The task if new, and the case's progress, in one statement; true when this attempt inserted it. */
  static boolean openTask(Connection db, String taskId, String caseId, String department, int round, Instant openedAt, Instant dueAt) throws SQLException {
    String stepColumn = CaseTables.tasksHaveStepId ? ", step_id" : "";
    String stepValue = CaseTables.tasksHaveStepId ? ", ?" : "";
    try (PreparedStatement ps = db.prepareStatement(
        "WITH opened AS ("
            + " INSERT INTO tasks (id, case_id, department, round, mode, status, opened_at, due_at" + stepColumn + ")"
            + " VALUES (?, ?::uuid, ?, ?, 'AUTO', 'OPEN', ?, ?" + stepValue + ") ON CONFLICT (id) DO NOTHING RETURNING id)"
            + " UPDATE cases SET status = CASE WHEN status IN ('SUBMITTED', 'AWAITING_CORRECTION') THEN 'IN_PROGRESS' ELSE status END,"
            + " last_progress_at = GREATEST(last_progress_at, ?), updated_at = now() WHERE id = ?::uuid"
            + " RETURNING (SELECT count(*) FROM opened)::int AS opened")) {
      int i = 1;
      ps.setString(i++, taskId);
      ps.setString(i++, caseId);
      ps.setString(i++, department);
      ps.setInt(i++, round);
      ps.setTimestamp(i++, Timestamp.from(openedAt));
      ps.setTimestamp(i++, Timestamp.from(dueAt));
      if (CaseTables.tasksHaveStepId) ps.setString(i++, department);
      ps.setTimestamp(i++, Timestamp.from(openedAt));
      ps.setString(i, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  /** A task's status and outputs, or null. */
  static String[] getTask(Connection db, String taskId) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT id, case_id, department, round, status, outputs FROM tasks WHERE id = ?")) {
      ps.setString(1, taskId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new String[] {rs.getString("status"), rs.getString("outputs")} : null;
      }
    }
  }

  static CaseRow getCase(Connection db, String caseId) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT id, applicant_id, status, form, policy, uscc, correction_round FROM cases WHERE id = ?::uuid")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException("case " + caseId + " not found");
        try {
          return new CaseRow(rs.getString(1), rs.getString(2), rs.getString(3), JSON.readTree(rs.getString(4)), JSON.readTree(rs.getString(5)), rs.getString(6), rs.getInt(7));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("case " + caseId + ": unreadable JSON", e);
        }
      }
    }
  }

  static void notify(Connection db, String caseId, String recipientId, String kind, String dedupeKey, String payload) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES (?, ?::uuid, ?::uuid, ?, ?::jsonb) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id")) {
      ps.setString(1, dedupeKey);
      ps.setString(2, caseId);
      ps.setString(3, recipientId);
      ps.setString(4, kind);
      ps.setString(5, payload);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
    }
  }

  static String departmentOutage(Connection db, String department, String caseId) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT message FROM department_outages WHERE department = ? AND scope IN ('*', ?) LIMIT 1")) {
      ps.setString(1, department);
      ps.setString(2, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  static int nextEnterpriseSequence(Connection db) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT nextval('enterprise_sequence')::int AS value"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static final String DECIDE = "UPDATE tasks SET status = ?, decided_by_id = ?::uuid, decided_at = ?, outputs = ?::jsonb, return_items = ?::jsonb, reject_reason = ?,"
      + " claimed_by_id = COALESCE(claimed_by_id, ?::uuid), claimed_at = COALESCE(claimed_at, CASE WHEN ?::uuid IS NULL THEN NULL ELSE ?::timestamptz END)"
      + " WHERE id = ? AND status IN " + OPEN + " RETURNING id";

  private static int bindDecision(PreparedStatement ps, String taskId, String outputs, Instant decidedAt) throws SQLException {
    Timestamp at = Timestamp.from(decidedAt);
    ps.setString(1, "DONE");
    ps.setString(2, null);
    ps.setTimestamp(3, at);
    ps.setString(4, outputs);
    ps.setString(5, null);
    ps.setString(6, null);
    ps.setString(7, null);
    ps.setString(8, null);
    ps.setTimestamp(9, at);
    ps.setString(10, taskId);
    return 11;
  }

  /** A decision without a licence: the task and, only if it was written, the case's progress, in one statement. */
  static boolean saveDecision(Connection db, String taskId, String caseId, String outputs, Instant decidedAt) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "WITH decided AS (" + DECIDE + ") UPDATE cases SET last_progress_at = GREATEST(last_progress_at, ?), updated_at = now()"
            + " WHERE id = ?::uuid AND EXISTS (SELECT 1 FROM decided) RETURNING id")) {
      int i = bindDecision(ps, taskId, outputs, decidedAt);
      ps.setTimestamp(i++, Timestamp.from(decidedAt));
      ps.setString(i, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** SAMR's decision with its licence: the task, the registered name and the case's USCC (the job's transaction holds them together). */
  static boolean saveLicenceDecision(Connection db, String taskId, String caseId, String outputs, Instant decidedAt, String enterpriseName, String uscc) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(DECIDE)) {
      bindDecision(ps, taskId, outputs, decidedAt);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return false;
      }
    }
    try (PreparedStatement ps = db.prepareStatement(CaseTables.namesHaveFoldedName
        ? "INSERT INTO registered_names (name, folded_name, case_id, registered_at) VALUES (?, ?, ?::uuid, ?) ON CONFLICT (folded_name) DO UPDATE SET registered_at = registered_names.registered_at WHERE registered_names.case_id = ?::uuid RETURNING case_id"
        : "INSERT INTO registered_names (name, case_id, registered_at) VALUES (?, ?::uuid, ?) ON CONFLICT (name) DO UPDATE SET registered_at = registered_names.registered_at WHERE registered_names.case_id = ?::uuid RETURNING case_id")) {
      int i = 1;
      ps.setString(i++, enterpriseName);
      if (CaseTables.namesHaveFoldedName) ps.setString(i++, enterpriseName.toLowerCase());
      ps.setString(i++, caseId);
      ps.setTimestamp(i++, Timestamp.from(decidedAt));
      ps.setString(i, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException("name taken: " + caseId);
      }
    }
    try (PreparedStatement ps = db.prepareStatement("UPDATE cases SET uscc = COALESCE(uscc, ?), last_progress_at = GREATEST(last_progress_at, ?), updated_at = now() WHERE id = ?::uuid")) {
      ps.setString(1, uscc);
      ps.setTimestamp(2, Timestamp.from(decidedAt));
      ps.setString(3, caseId);
      ps.executeUpdate();
    }
    return true;
  }

  static Map<String, JsonNode> doneOutputs(Connection db, String caseId) throws SQLException {
    Map<String, JsonNode> outputs = new HashMap<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT DISTINCT ON (department) department, outputs FROM tasks WHERE case_id = ?::uuid AND status = 'DONE' ORDER BY department, round DESC")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) outputs.put(rs.getString(1), JSON.readTree(rs.getString(2)));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("case " + caseId + ": unreadable outputs", e);
    }
    return outputs;
  }

  static void completeCase(Connection db, String caseId, String outcome, Instant at) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("DELETE FROM step_failures WHERE case_id = ?::uuid")) {
      ps.setString(1, caseId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = db.prepareStatement(
        "UPDATE cases SET status = 'COMPLETED', outcome = ?::jsonb, completed_at = COALESCE(completed_at, ?), ended_at = COALESCE(ended_at, ?),"
            + " last_progress_at = GREATEST(last_progress_at, ?), updated_at = now() WHERE id = ?::uuid")) {
      Timestamp ts = Timestamp.from(at);
      ps.setString(1, outcome);
      ps.setTimestamp(2, ts);
      ps.setTimestamp(3, ts);
      ps.setTimestamp(4, ts);
      ps.setString(5, caseId);
      ps.executeUpdate();
    }
  }
}
