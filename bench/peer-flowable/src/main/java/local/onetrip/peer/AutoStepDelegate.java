package local.onetrip.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.flowable.common.engine.api.delegate.Expression;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * One AUTO department step (OneTrip's runAutomaticStep): open the task reading the case and the department's
 * outage (one statement), the SUBMITTED notice and the enterprise number on the first step, decide, write the
 * decision with its outputs and its event (one statement; SAMR's with the licence). Same statements, in the
 * job's transaction on the engine's own connection.
 */
public class AutoStepDelegate implements JavaDelegate {
  /** Set from the BPMN's field (SAMR, PSB, TAX, HRSS, BANK). */
  private Expression department;

  public void setDepartment(Expression department) {
    this.department = department;
  }

  static Connection connection() {
    return CommandContextUtil.getDbSqlSession().getSqlSession().getConnection();
  }

  @Override
  public void execute(DelegateExecution execution) {
    String dept = (String) department.getValue(execution);
    String caseId = (String) execution.getVariable("caseId");
    String taskId = caseId + "." + dept + ".1";
    boolean first = "SAMR".equals(dept);
    Connection db = connection();
    try {
      // Milliseconds, as ours' Dates (the opening's event carries the due time as text).
      Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      // One round trip opens the task (within three working days, as the default policy's limit) and reads the
      // case and the department's outage, as ours (runAutomaticStep).
      CaseStatements.Opened opened = CaseStatements.openTaskReading(db, taskId, caseId, dept, 1, openedAt, openedAt.plus(Duration.ofDays(3)), first);
      // Only a retry looks for an earlier decision (here a job's retry rolled its first attempt back, so none is found).
      if (!opened.opened()) {
        String[] existing = CaseStatements.getTask(db, taskId);
        if (existing != null && !"OPEN".equals(existing[0]) && !"CLAIMED".equals(existing[0])) return;
      }
      CaseStatements.CaseRow record = opened.record();
      if (first) CaseStatements.notify(db, caseId, record.applicantId(), "SUBMITTED", caseId + ":SUBMITTED", "{}");
      // Thrown: the job fails and the executor retries it later, as OneTrip's activity retries.
      if (opened.outage() != null) throw new IllegalStateException(dept + " system unavailable: " + opened.outage());
      Instant decidedAt = Instant.now();
      String uscc = record.uscc();
      if (first && uscc == null) uscc = uscc(record.policy().path("rules").path("jurisdiction").path("divisionCode").asText("433101"), CaseStatements.nextEnterpriseSequence(db));
      ObjectNode outputs = outputs(dept, record.form(), uscc);
      String json = CaseStatements.JSON.writeValueAsString(outputs);
      if (first) CaseStatements.saveLicenceDecision(db, taskId, caseId, json, decidedAt, record.form().path("company").path("name").asText().trim(), uscc);
      else CaseStatements.saveDecision(db, taskId, caseId, json, decidedAt);
    } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(dept + " step of case " + caseId + " failed: " + e.getMessage(), e);
    }
  }

  /** A USCC-shaped code: 91 + division + 9-character body + check character (GB 32100's weights). */
  static String uscc(String division, int sequence) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder body = new StringBuilder("91").append(division);
    String digits = String.format("%09d", sequence);
    body.append("MA").append(digits, 2, 9);
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += alphabet.indexOf(body.charAt(i)) * weights[i];
    return body.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
  }

  /** What each department issues (OneTrip's issuedOutputs): the same fields, values derived from the USCC. */
  static ObjectNode outputs(String dept, JsonNode form, String uscc) {
    ObjectNode out = CaseStatements.JSON.createObjectNode();
    String tail = uscc == null ? "000000" : uscc.substring(uscc.length() - 6);
    switch (dept) {
      case "SAMR" -> {
        out.put("uscc", uscc);
        out.put("licenseNumber", "433101" + tail + "0001");
        out.put("enterpriseName", form.path("company").path("name").asText());
      }
      case "PSB" -> {
        ArrayNode seals = out.putArray("seals");
        for (JsonNode kind : form.path("seals").path("kinds")) seals.addObject().put("kind", kind.asText()).put("filingCode", "4331" + tail + kind.asText().charAt(0));
      }
      case "TAX" -> {
        out.put("taxpayerId", uscc);
        out.put("taxpayerType", form.path("tax").path("taxpayerType").asText());
        out.put("invoicesApproved", form.path("tax").path("invoices").asBoolean());
        if (form.path("tax").path("ukey").asBoolean()) out.put("ukeyNumber", "UK" + tail);
        else out.putNull("ukeyNumber");
      }
      case "HRSS" -> {
        out.put("socialInsuranceNumber", "SI" + tail);
        out.put("enrolledEmployees", form.path("socialInsurance").path("employees").size());
      }
      default -> {
        String bank = form.path("bank").path("bankCode").asText();
        out.put("bankCode", bank);
        out.put("bankName", bank);
        out.put("branch", form.path("bank").path("branch").asText(""));
        out.put("accountNumber", "6222" + tail + "0000000001");
      }
    }
    return out;
  }
}
