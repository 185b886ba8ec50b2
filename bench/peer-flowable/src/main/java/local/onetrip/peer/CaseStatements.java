package local.onetrip.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements OneTrip's worker sends for an AUTO case, one for one and in the same words
 * (apps/worker/src/persistence/postgres-case.store.ts, outbox.notifier.ts, the enterprise register's opening in
 * libs/infrastructure's enterprise-register.repository.ts; the submission's insert from apps/api), on the
 * connection of the job's own transaction. Written with ours' numbered parameters ($1 … used as often as the
 * statement needs) and a cast where JDBC's parameters cannot be inferred; `bench/count-statements.ts --peer`
 * counts them beside ours.
 */
final class CaseStatements {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPEN = "('OPEN', 'CLAIMED')";
  private static final String CASE_EVENTS = "case_events (case_id, key, at, event, step_id, department, task_id, round, actor_id, details)";
  private static final String CASE_COLUMNS = "id, applicant_id, status, form, policy, uscc, correction_round, process_key, process_version";

  private CaseStatements() {}

  record CaseRow(String id, String applicantId, String status, JsonNode form, JsonNode policy, String uscc, int correctionRound, String processKey, int processVersion) {}

  /** A statement written as ours ($1, $2, … each as often as needed), turned once into JDBC's `?` and the order to bind them in. */
  record Sql(String text, int[] order) {
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    static Sql of(String numbered) {
      List<Integer> order = new ArrayList<>();
      Matcher m = PARAMETER.matcher(numbered);
      StringBuilder text = new StringBuilder();
      while (m.find()) {
        order.add(Integer.parseInt(m.group(1)));
        m.appendReplacement(text, "?");
      }
      m.appendTail(text);
      return new Sql(text.toString(), order.stream().mapToInt(Integer::intValue).toArray());
    }

    PreparedStatement prepare(Connection db, Object... parameters) throws SQLException {
      PreparedStatement ps = db.prepareStatement(text);
      try {
        for (int i = 0; i < order.length; i++) {
          Object value = parameters[order[i] - 1];
          if (value == null) ps.setNull(i + 1, Types.VARCHAR);
          else if (value instanceof Instant at) ps.setTimestamp(i + 1, Timestamp.from(at));
          else if (value instanceof Integer n) ps.setInt(i + 1, n);
          else if (value instanceof Boolean b) ps.setBoolean(i + 1, b);
          else ps.setString(i + 1, value.toString());
        }
        return ps;
      } catch (SQLException | RuntimeException e) {
        ps.close();
        throw e;
      }
    }
  }

  private static JsonNode json(String text, String what) {
    try {
      return text == null ? null : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(what + ": unreadable JSON", e);
    }
  }

  static String text(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static CaseRow caseRow(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    return new CaseRow(id, rs.getString("applicant_id"), rs.getString("status"), json(rs.getString("form"), "case " + id), json(rs.getString("policy"), "case " + id),
        rs.getString("uscc"), rs.getInt("correction_round"), rs.getString("process_key"), rs.getInt("process_version"));
  }

  private static final Sql INSERT_CASE = Sql.of(
      "INSERT INTO cases (id, workflow_id, applicant_id, filed_by_id, status, form, form_version, enterprise_name, policy, fees, flags, submitted_at, last_progress_at, process_key, process_version) "
          + "VALUES ($1::uuid, $2, $3::uuid, $4::uuid, 'SUBMITTED', $5::jsonb, 1, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::timestamptz, $10::timestamptz, $11, $12::int)");

  /** The submission's row (ours: the API's INSERT, which also checks the version is ACTIVE). */
  static void insertCase(Connection db, String id, String applicantId, String filedById, String form, String enterpriseName, String policy, String fees, String flags, String processKey,
      int processVersion) throws SQLException {
    try (PreparedStatement ps = INSERT_CASE.prepare(db, id, "case-" + id, applicantId, filedById, form, enterpriseName, policy, fees, flags, Instant.now(), processKey, processVersion)) {
      ps.executeUpdate();
    }
  }

  // Ours' OPEN_TASK: the task once, its opening in the case's story (and the case's start with its first step), the
  // case moved on; RETURNING adds the case row as it now is and the department's outage (openTaskReading).
  private static final Sql OPEN_TASK_READING = Sql.of(
      "WITH opened AS ("
          + " INSERT INTO tasks (id, case_id, department, step_id, round, mode, status, opened_at, due_at)"
          + " VALUES ($1, $2::uuid, $3, $8, $4::int, $5, 'OPEN', $6::timestamptz, $7::timestamptz) ON CONFLICT (id) DO NOTHING RETURNING id"
          + " ), started AS ("
          + " INSERT INTO " + CASE_EVENTS
          + " SELECT id, id || ':STARTED', submitted_at, 'CASE_STARTED', NULL, NULL, NULL, NULL, NULL, '{}'::jsonb FROM cases"
          + " WHERE id = $2::uuid AND $10::boolean AND EXISTS (SELECT 1 FROM opened)"
          + " ON CONFLICT (key) DO NOTHING"
          + " ), logged AS ("
          + " INSERT INTO " + CASE_EVENTS
          + " SELECT $2::uuid, id || ':OPENED', $6::timestamptz, 'STEP_OPENED', $8, $3, id, $4::int, NULL, $9::jsonb FROM opened"
          + " ON CONFLICT (key) DO NOTHING"
          + " )"
          + " UPDATE cases SET status = CASE WHEN status IN ('SUBMITTED', 'AWAITING_CORRECTION') THEN 'IN_PROGRESS' ELSE status END,"
          + " last_progress_at = GREATEST(last_progress_at, $6::timestamptz), updated_at = now()"
          + " WHERE id = $2::uuid"
          + " RETURNING (SELECT count(*) FROM opened)::int AS opened, " + CASE_COLUMNS + ","
          + " (SELECT message FROM department_outages WHERE department = $3 AND scope IN ('*', $2::text) LIMIT 1) AS outage");

  record Opened(boolean opened, CaseRow record, String outage) {}

  /** Opens the AUTO task (once) and answers the case and the department's outage: one round trip, as ours. */
  static Opened openTaskReading(Connection db, String taskId, String caseId, String department, int round, Instant openedAt, Instant dueAt, boolean firstOfCase) throws SQLException {
    String details = "{\"mode\":\"AUTO\",\"dueAt\":" + text(dueAt.toString()) + "}";
    try (PreparedStatement ps = OPEN_TASK_READING.prepare(db, taskId, caseId, department, round, "AUTO", openedAt, dueAt, department, details, firstOfCase);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) throw new IllegalStateException("case " + caseId + " not found");
      return new Opened(rs.getInt("opened") == 1, caseRow(rs), rs.getString("outage"));
    }
  }

  private static final Sql GET_TASK = Sql.of("SELECT id, case_id, department, step_id, round, status, outputs FROM tasks WHERE id = $1");

  /** A task's status and outputs, or null (only a retry reads it). */
  static String[] getTask(Connection db, String taskId) throws SQLException {
    try (PreparedStatement ps = GET_TASK.prepare(db, taskId); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? new String[] {rs.getString("status"), rs.getString("outputs")} : null;
    }
  }

  private static final Sql NOTIFY = Sql.of(
      "INSERT INTO notifications (dedupe_key, case_id, recipient_id, kind, payload) VALUES ($1, $2::uuid, $3::uuid, $4, $5::jsonb) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id");

  static void notify(Connection db, String caseId, String recipientId, String kind, String dedupeKey, String payload) throws SQLException {
    try (PreparedStatement ps = NOTIFY.prepare(db, dedupeKey, caseId, recipientId, kind, payload); ResultSet rs = ps.executeQuery()) {
      rs.next();
    }
  }

  private static final Sql NEXT_SEQUENCE = Sql.of("SELECT nextval('enterprise_sequence')::int AS value");

  static int nextEnterpriseSequence(Connection db) throws SQLException {
    try (PreparedStatement ps = NEXT_SEQUENCE.prepare(db); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  // Ours' saveDecision: $1 task, $2 status, $3 actor, $4 decided at, $5 outputs, $6 return items, $7 reason, $8 case.
  private static final String DECIDE = "UPDATE tasks SET status = $2, decided_by_id = $3::uuid, decided_at = $4::timestamptz, outputs = $5::jsonb, return_items = $6::jsonb, reject_reason = $7,"
      + " claimed_by_id = COALESCE(claimed_by_id, $3::uuid), claimed_at = COALESCE(claimed_at, CASE WHEN $3::uuid IS NULL THEN NULL ELSE $4::timestamptz END)"
      + " WHERE id = $1 AND status IN " + OPEN
      + " RETURNING id, case_id, step_id, department, round";

  private static String logDecision(String details) {
    return "INSERT INTO " + CASE_EVENTS
        + " SELECT case_id, id || ':DECIDED', $4::timestamptz, 'STEP_DECIDED_AUTOMATICALLY', step_id, department, id, round, $3::uuid, " + details + "::jsonb FROM decided"
        + " ON CONFLICT (key) DO NOTHING";
  }

  private static final String COMPLETE_DETAILS = "{\"decision\":\"COMPLETE\"}";

  private static final Sql SAVE_DECISION = Sql.of(
      "WITH decided AS (" + DECIDE + "), logged AS (" + logDecision("$9") + ")"
          + " UPDATE cases SET last_progress_at = GREATEST(last_progress_at, $4::timestamptz), updated_at = now()"
          + " WHERE id = $8::uuid AND EXISTS (SELECT 1 FROM decided)"
          + " RETURNING id");

  /** A decision without a licence: the task, its event and, only if it was written, the case's progress, in one statement. */
  static boolean saveDecision(Connection db, String taskId, String caseId, String outputs, Instant decidedAt) throws SQLException {
    try (PreparedStatement ps = SAVE_DECISION.prepare(db, taskId, "DONE", null, decidedAt, outputs, null, null, caseId, COMPLETE_DETAILS); ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static final Sql SAVE_LICENCE = Sql.of(
      "WITH named AS ("
          + " INSERT INTO registered_names (name, folded_name, case_id, registered_at)"
          + " SELECT $9, $10, $8::uuid, $4::timestamptz WHERE EXISTS (SELECT 1 FROM tasks WHERE id = $1 AND status IN " + OPEN + ")"
          + " ON CONFLICT (folded_name) DO UPDATE SET registered_at = registered_names.registered_at WHERE registered_names.case_id = $8::uuid"
          + " RETURNING case_id"
          + " ), decided AS ("
          + " " + DECIDE.replace("WHERE id = $1 AND status IN " + OPEN, "WHERE id = $1 AND status IN " + OPEN + " AND EXISTS (SELECT 1 FROM named)")
          + " ), progressed AS ("
          + " UPDATE cases SET uscc = COALESCE(uscc, $11), last_progress_at = GREATEST(last_progress_at, $4::timestamptz), updated_at = now()"
          + " WHERE id = $8::uuid AND EXISTS (SELECT 1 FROM decided)"
          + " ), logged AS (" + logDecision("$12") + ")"
          + " SELECT EXISTS (SELECT 1 FROM tasks WHERE id = $1 AND status IN " + OPEN + ") AS open,"
          + " (SELECT count(*) FROM named)::int AS named, (SELECT count(*) FROM decided)::int AS decided");

  /**
   * SAMR's decision with its licence in one statement, as ours: the name registered only while the task is open,
   * the decision written only once the name is this case's, the USCC set and the event written with it. False: an
   * earlier attempt decided.
   */
  static boolean saveLicenceDecision(Connection db, String taskId, String caseId, String outputs, Instant decidedAt, String enterpriseName, String uscc) throws SQLException {
    // Ours folds traditional to simplified characters too (foldEnterpriseName); the bench's names are simplified.
    String folded = enterpriseName.trim().toLowerCase();
    try (PreparedStatement ps = SAVE_LICENCE.prepare(db, taskId, "DONE", null, decidedAt, outputs, null, null, caseId, enterpriseName, folded, uscc, COMPLETE_DETAILS);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (!rs.getBoolean("open")) return false;
      if (rs.getInt("named") == 0) throw new IllegalStateException("name taken: " + caseId);
      return rs.getInt("decided") == 1;
    }
  }

  private static final Sql CASE_WITH_OUTPUTS = Sql.of(
      "SELECT " + CASE_COLUMNS + ","
          + " (SELECT COALESCE(jsonb_object_agg(step_id, COALESCE(outputs, '{}'::jsonb)), '{}'::jsonb)"
          + " FROM (SELECT DISTINCT ON (step_id) step_id, outputs FROM tasks WHERE case_id = $1::uuid AND status = 'DONE' ORDER BY step_id, round DESC) latest) AS outputs_by_step"
          + " FROM cases WHERE id = $1::uuid");

  record CaseWithOutputs(CaseRow record, JsonNode outputsByStep) {}

  /** The outcome's inputs in one round trip: the case and the latest DONE outputs of each step. */
  static CaseWithOutputs caseWithOutputs(Connection db, String caseId) throws SQLException {
    try (PreparedStatement ps = CASE_WITH_OUTPUTS.prepare(db, caseId); ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) throw new IllegalStateException("case " + caseId + " not found");
      return new CaseWithOutputs(caseRow(rs), json(rs.getString("outputs_by_step"), "case " + caseId));
    }
  }

  private static final Sql LOCK_COMPLETING = Sql.of(
      "SELECT c.status, c.applicant_id, c.form, c.process_key, d.body -> 'enterprise' AS binding"
          + " FROM cases c LEFT JOIN process_definitions d ON d.key = c.process_key AND d.version = c.process_version"
          + " WHERE c.id = $1::uuid FOR UPDATE OF c");

  private static final Sql OPEN_ENTERPRISE = Sql.of(
      "WITH opened AS ("
          + " INSERT INTO enterprises (id, uscc, name, entity_type, address, legal_representative, legal_representative_user_id, registered_capital,"
          + " business_scope, shareholders, seals, taxpayer_id, social_insurance_number, bank_account, licence_number, licence_edition,"
          + " status, opened_by_case_id, created_at, updated_at)"
          + " VALUES ($1::uuid, $2, $3, $4, $5::jsonb, $6::jsonb, $7::uuid, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14::jsonb, $15, $16::int, 'ACTIVE', $17::uuid, $18::timestamptz, $18::timestamptz)"
          + " ON CONFLICT DO NOTHING RETURNING id"
          + " )"
          + " INSERT INTO enterprise_cases (enterprise_id, case_id, role, linked_at, applied_at) SELECT id, $17::uuid, 'OPENING', $18::timestamptz, $18::timestamptz FROM opened"
          + " ON CONFLICT DO NOTHING RETURNING enterprise_id");

  // Ours since the worker-cpu round: the step failures' cleanup and the timeline's two events ride on the outcome's write.
  private static final Sql WRITE_OUTCOME = Sql.of(
      "WITH cleared AS (DELETE FROM step_failures WHERE case_id = $1::uuid),"
          + " logged AS (INSERT INTO " + CASE_EVENTS + " VALUES ($1::uuid, $4, $3::timestamptz, 'OUTCOME_DELIVERED', NULL, NULL, NULL, NULL, NULL, '{}'::jsonb),"
          + " ($1::uuid, $5, $3::timestamptz, 'CASE_CLOSED', NULL, NULL, NULL, NULL, NULL, '{\"caseStatus\":\"COMPLETED\"}'::jsonb)"
          + " ON CONFLICT (key) DO NOTHING)"
          + " UPDATE cases SET status = 'COMPLETED', outcome = $2::jsonb, completed_at = COALESCE(completed_at, $3::timestamptz), ended_at = COALESCE(ended_at, $3::timestamptz),"
          + " last_progress_at = GREATEST(last_progress_at, $3::timestamptz), updated_at = now()"
          + " WHERE id = $1::uuid");

  /**
   * Ours' completeCase in the job's transaction (ours opens one: BEGIN … COMMIT): lock the case and read what the
   * register needs, the enterprise with its history row, the outcome with the step failures' cleanup and the timeline's
   * two events. False: completed already (a retry), nothing written.
   */
  static boolean completeCase(Connection db, String caseId, JsonNode outcome, Instant at) throws SQLException {
    String applicantId;
    JsonNode form;
    String processKey;
    try (PreparedStatement ps = LOCK_COMPLETING.prepare(db, caseId); ResultSet rs = ps.executeQuery()) {
      if (!rs.next() || "COMPLETED".equals(rs.getString("status"))) return false;
      applicantId = rs.getString("applicant_id");
      form = json(rs.getString("form"), "case " + caseId);
      processKey = rs.getString("process_key");
    }
    // The register's opening (ours: EnterpriseRegisterRepository.open, for the opening's process with a USCC).
    if ("enterprise-opening".equals(processKey) && outcome.path("uscc").isTextual()) openEnterprise(db, caseId, applicantId, form, outcome, at);
    try (PreparedStatement ps = WRITE_OUTCOME.prepare(db, caseId, text(outcome), at, caseId + ":OUTCOME", caseId + ":CLOSED")) {
      ps.executeUpdate();
    }
    return true;
  }

  /**
   * The register's row and its history row in one statement, the facts as ours' openingFacts takes them from the
   * form and the outcome. The personal data is the stored form's, sealed as stored: ours opens the form and seals
   * the facts again (same columns, same sizes; the AES work is not the peer's).
   */
  private static void openEnterprise(Connection db, String caseId, String applicantId, JsonNode form, JsonNode outcome, Instant at) throws SQLException {
    JsonNode company = form.path("company");
    var seals = JSON.createArrayNode();
    for (JsonNode seal : outcome.path("seals")) seals.addObject().put("kind", seal.path("kind").asText()).put("code", seal.path("code").asText());
    JsonNode bank = outcome.path("bankAccount");
    String accountNumber = textOrNull(bank.path("accountNumber"));
    String bankAccount = accountNumber == null ? null
        : text(JSON.createObjectNode().put("bankCode", bank.path("bankCode").asText("")).put("bankName", bank.path("bankName").asText("")).put("branch", bank.path("branch").asText(""))
            .put("accountNumber", accountNumber));
    String name = outcome.path("enterpriseName").isTextual() ? outcome.path("enterpriseName").asText() : company.path("name").asText();
    try (PreparedStatement ps = OPEN_ENTERPRISE.prepare(db, java.util.UUID.randomUUID().toString(), outcome.path("uscc").asText(), name, company.path("entityType").asText(),
        text(company.path("address")), text(form.path("legalRepresentative")), applicantId, company.path("registeredCapital").asText(), text(company.path("businessScope")),
        text(form.path("shareholders")), text(seals), textOrNull(outcome.path("tax").path("taxpayerId")), textOrNull(outcome.path("socialInsurance").path("registrationNumber")), bankAccount,
        textOrNull(outcome.path("licenseNumber")), 1, caseId, at);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
    }
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }
}
