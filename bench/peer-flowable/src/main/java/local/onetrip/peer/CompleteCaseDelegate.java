package local.onetrip.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The combined outcome (OneTrip's completeProcess): the case and the steps' outputs in one read, then ours'
 * completeCase in the job's transaction (lock, the register's enterprise, the outcome, the timeline's events)
 * and the COMPLETED notice.
 */
public class CompleteCaseDelegate implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {
    String caseId = (String) execution.getVariable("caseId");
    Connection db = AutoStepDelegate.connection();
    try {
      CaseStatements.CaseWithOutputs read = CaseStatements.caseWithOutputs(db, caseId);
      CaseStatements.CaseRow record = read.record();
      // The opening's step ids are its department codes.
      Map<String, JsonNode> outputs = new HashMap<>();
      read.outputsByStep().fields().forEachRemaining(entry -> outputs.put(entry.getKey(), entry.getValue()));
      JsonNode samr = outputs.getOrDefault("SAMR", CaseStatements.JSON.createObjectNode());
      JsonNode tax = outputs.getOrDefault("TAX", CaseStatements.JSON.createObjectNode());
      JsonNode bank = outputs.getOrDefault("BANK", CaseStatements.JSON.createObjectNode());
      ObjectNode outcome = CaseStatements.JSON.createObjectNode();
      outcome.set("uscc", samr.path("uscc"));
      outcome.set("licenseNumber", samr.path("licenseNumber"));
      outcome.set("enterpriseName", samr.path("enterpriseName"));
      ArrayNode seals = outcome.putArray("seals");
      JsonNode psb = outputs.get("PSB");
      if (psb != null) for (JsonNode seal : psb.path("seals")) seals.addObject().put("kind", seal.path("kind").asText()).put("code", seal.path("filingCode").asText());
      outcome.putObject("tax").put("taxpayerId", tax.path("taxpayerId").asText()).put("ukeyNumber", tax.path("ukeyNumber").asText(null)).put("invoicesApproved", tax.path("invoicesApproved").asBoolean());
      JsonNode hrss = outputs.get("HRSS");
      outcome.putObject("socialInsurance").put("registrationNumber", hrss == null ? null : hrss.path("socialInsuranceNumber").asText());
      outcome.putObject("bankAccount").put("bankCode", bank.path("bankCode").asText()).put("bankName", bank.path("bankName").asText()).put("branch", bank.path("branch").asText()).put("accountNumber", bank.path("accountNumber").asText());
      String method = record.form().path("delivery").path("method").asText();
      outcome.putObject("delivery").put("method", method).put("tripsRequired", method.equals("PICK_UP") ? 1 : 0);
      CaseStatements.completeCase(db, caseId, outcome, Instant.now());
      CaseStatements.notify(db, caseId, record.applicantId(), "COMPLETED", caseId + ":COMPLETED", "{\"uscc\":" + CaseStatements.JSON.writeValueAsString(samr.path("uscc").asText()) + "}");
    } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("outcome of case " + caseId + " failed: " + e.getMessage(), e);
    }
    // The outcome exists once this job's transaction commits (the end event runs in it too): the case's end time.
    Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> Completions.done(caseId));
  }
}
