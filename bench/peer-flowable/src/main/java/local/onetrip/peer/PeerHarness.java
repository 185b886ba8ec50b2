package local.onetrip.peer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * The peer's harness: Flowable embedded in this JVM, OneTrip's AUTO case as BPMN with the same
 * database work, on the PostgreSQL the bench started. Prints one JSON line per event on stdout:
 * {"event":"ready"}, then per phase {"event":"phase-start"} and {"event":"phase", figures}.
 *
 * <pre>
 * java -cp target/classes:target/lib/* local.onetrip.peer.PeerHarness --jdbc=jdbc:postgresql://127.0.0.1:5432/db?user=u&amp;password=p \
 *   [--template-case=UUID] [--warmup=100] --phase=full:300:16 --phase=fixed:100:5 --phase=serial:50
 * </pre>
 * full:N:C: N cases, C submissions in flight (throughput); fixed:N:R: N cases at R per second (latency);
 * serial:N: one case at a time.
 */
public final class PeerHarness {
  private static final String SOURCE_SCHEMA = "public";
  private static final String SCHEMA = "peer_flowable";
  private static final String TRADE_CHARS = "湘峒河阿妹青山沅水乾州金龙凤凰德夯云岭松竹梅兰";

  private final ProcessEngine engine;
  private final Connection db;
  private final Template template;
  private final AtomicInteger counter = new AtomicInteger();

  record Template(String applicantId, String filedById, ObjectNode form, String policy, String fees, String flags, String processKey, int processVersion) {}

  record Started(String caseId, long startNanos, double callMs) {}

  private PeerHarness(ProcessEngine engine, Connection db, Template template) {
    this.engine = engine;
    this.db = db;
    this.template = template;
  }

  public static void main(String[] args) throws Exception {
    String jdbc = option(args, "jdbc", null);
    if (jdbc == null) throw new IllegalArgumentException("--jdbc=jdbc:postgresql://host:port/database?user=…&password=… is required");
    int core = Integer.parseInt(option(args, "threads-core", "8"));
    int max = Integer.parseInt(option(args, "threads-max", "16"));
    int acquireWait = Integer.parseInt(option(args, "acquire-wait-ms", "50"));
    int lockMs = Integer.parseInt(option(args, "async-job-lock-ms", "300000"));
    int warmup = Integer.parseInt(option(args, "warmup", "100"));
    List<String> phases = Arrays.stream(args).filter(arg -> arg.startsWith("--phase=")).map(arg -> arg.substring("--phase=".length())).toList();
    for (String phase : phases) parsePhase(phase); // bad input fails before anything is written

    long bootStart = System.nanoTime();
    // Named sessions: PostgreSQL's log tells the engine's statements (the steps' and Flowable's) from the harness's own
    // (setup, marks, checks); bench/count-statements.ts --peer counts them so.
    Connection db = DriverManager.getConnection(withParameter(jdbc, "ApplicationName=onetrip-peer-harness"));
    CaseTables.create(db, SOURCE_SCHEMA, SCHEMA);
    String templateFile = option(args, "template-file", null);
    Template template = templateFile != null ? readTemplateFile(db, Path.of(templateFile)) : readTemplate(db, option(args, "template-case", null));

    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setJdbcUrl(withParameter(withParameter(jdbc, "currentSchema=" + SCHEMA), "ApplicationName=onetrip-peer"));
    cfg.setJdbcDriver("org.postgresql.Driver");
    // Every executor thread, every submitter and the acquisition threads can hold a connection at once.
    int maxSubmitters = phases.stream().mapToInt(phase -> parsePhase(phase)[0] == 'f' ? parsePhase(phase)[2] : 8).max().orElse(8);
    cfg.setJdbcMaxActiveConnections(max + maxSubmitters + 4);
    cfg.setJdbcMaxIdleConnections(max + maxSubmitters + 4);
    // The schema is the connection's own (currentSchema in the URL): with setDatabaseSchema Flowable would also send
    // `SET SESSION search_path` on every command's connection, ~45 round trips per case (bench/count-statements.ts --peer).
    cfg.setDatabaseSchemaUpdate("true");
    cfg.setHistoryLevel(HistoryLevel.AUDIT);
    cfg.setIdGenerator(new StrongUuidGenerator());
    cfg.setDisableIdmEngine(true);
    cfg.setDisableEventRegistry(true);
    cfg.setAsyncExecutorActivate(true);
    cfg.setAsyncExecutorCorePoolSize(core);
    cfg.setAsyncExecutorMaxPoolSize(max);
    cfg.setAsyncExecutorThreadPoolQueueSize(2048);
    cfg.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(acquireWait);
    cfg.setAsyncExecutorMaxAsyncJobsDuePerAcquisition(max);
    // How long an acquired job stays this executor's before the expired-job reset hands it to another (Flowable's
    // default: 1 h). 5 min: longer than any job waits in the queue at the bench's sizes, so a live executor never
    // loses one; a crashed one's jobs run again within minutes, not an hour.
    cfg.setAsyncExecutorAsyncJobLockTimeInMillis(lockMs);
    // One engine: no global acquire lock (it serialises acquisition between engines through a lock row).
    cfg.getAsyncExecutorConfiguration().setGlobalAcquireLockEnabled(false);
    ProcessEngine engine = cfg.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("enterprise-opening.bpmn20.xml").deploy();
    PeerHarness harness = new PeerHarness(engine, db, template);
    double bootSeconds = (System.nanoTime() - bootStart) / 1e9;

    if (warmup > 0) harness.runFull("warm-up", warmup, 4);
    ObjectNode ready = CaseStatements.JSON.createObjectNode();
    ready.put("event", "ready").put("bootSeconds", round(bootSeconds, 2)).put("warmupCases", warmup).put("flowable", org.flowable.engine.ProcessEngine.class.getPackage().getImplementationVersion());
    ready.putObject("executor").put("corePoolSize", core).put("maxPoolSize", max).put("acquireWaitMs", acquireWait).put("historyLevel", "audit").put("jdbcMaxActiveConnections", max + maxSubmitters + 4)
        .put("asyncJobLockMs", lockMs).put("maxAsyncJobsPerAcquisition", max).put("queueSize", 2048).put("globalAcquireLock", false)
        .put("schemaByUrl", true);
    emit(ready);

    int exit = 0;
    try {
      for (String phase : phases) {
        int[] spec = parsePhase(phase);
        ObjectNode start = CaseStatements.JSON.createObjectNode().put("event", "phase-start").put("phase", phase);
        emit(start);
        harness.mark("phase:" + phase);
        ObjectNode result = switch (spec[0]) {
          case 'f' -> harness.runFull(phase, spec[1], spec[2]);
          case 'r' -> harness.runFixed(phase, spec[1], spec[2]);
          default -> harness.runSerial(phase, spec[1]);
        };
        emit(result.put("event", "phase"));
        if (result.path("failed").asInt() > 0) exit = 1;
      }
    } finally {
      engine.close();
      db.close();
    }
    System.exit(exit);
  }

  /** {kind, count, concurrency or rate}: kind 'f' full, 'r' fixed rate, 's' serial. */
  private static int[] parsePhase(String phase) {
    String[] parts = phase.split(":");
    try {
      return switch (parts[0]) {
        case "full" -> new int[] {'f', positive(parts[1]), positive(parts[2])};
        case "fixed" -> new int[] {'r', positive(parts[1]), positive(parts[2])};
        case "serial" -> new int[] {'s', positive(parts[1]), 1};
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--phase: \"" + phase + "\" is not full:N:CONCURRENCY, fixed:N:PER_SECOND or serial:N");
    }
  }

  private static int positive(String value) {
    int n = Integer.parseInt(value);
    if (n <= 0) throw new IllegalArgumentException();
    return n;
  }

  private static String withParameter(String jdbc, String parameter) {
    return jdbc + (jdbc.contains("?") ? "&" : "?") + parameter;
  }

  /** A statement of its own in PostgreSQL's log (when it logs every statement), so a count can tell where a phase begins and ends. */
  private void mark(String what) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT 'mark:" + what.replaceAll("[^a-z0-9:-]", "") + "'")) {
      ps.execute();
    }
  }

  private static String option(String[] args, String name, String fallback) {
    for (String arg : args) if (arg.startsWith("--" + name + "=")) return arg.substring(name.length() + 3);
    return fallback;
  }

  /** {applicantId, filedById, form, policy, fees, flags} written by the bench when it has no case of ours to copy. */
  private static Template readTemplateFile(Connection db, Path file) throws Exception {
    com.fasterxml.jackson.databind.JsonNode json = CaseStatements.JSON.readTree(file.toFile());
    for (String field : List.of("applicantId", "filedById", "form", "policy", "fees", "flags")) {
      if (json.path(field).isMissingNode()) throw new IllegalArgumentException("--template-file: " + file + " has no \"" + field + "\"");
    }
    String processKey = json.path("processKey").asText("enterprise-opening");
    Template template = new Template(json.get("applicantId").asText(), json.get("filedById").asText(), (ObjectNode) json.get("form"), json.get("policy").toString(), json.get("fees").toString(),
        json.get("flags").toString(), processKey, json.has("processVersion") ? json.get("processVersion").asInt() : activeVersion(db, processKey));
    copyUsers(db, template);
    return template;
  }

  private static void copyUsers(Connection db, Template template) throws SQLException {
    try (PreparedStatement copy = db.prepareStatement("INSERT INTO " + SCHEMA + ".users SELECT * FROM " + SOURCE_SCHEMA + ".users WHERE id IN (?::uuid, ?::uuid)")) {
      copy.setString(1, template.applicantId());
      copy.setString(2, template.filedById());
      if (copy.executeUpdate() == 0) throw new IllegalStateException("the template's applicant " + template.applicantId() + " is not in " + SOURCE_SCHEMA + ".users");
    }
  }

  private static int activeVersion(Connection db, String processKey) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT version FROM " + SOURCE_SCHEMA + ".process_definitions WHERE key = ? AND status = 'ACTIVE'")) {
      ps.setString(1, processKey);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException("no ACTIVE version of " + processKey + " in " + SOURCE_SCHEMA + ".process_definitions");
        return rs.getInt(1);
      }
    }
  }

  private static Template readTemplate(Connection db, String caseId) throws SQLException {
    String sql = "SELECT applicant_id, filed_by_id, form, policy, fees, flags, process_key, process_version FROM " + SOURCE_SCHEMA + ".cases "
        + (caseId == null ? "ORDER BY submitted_at DESC LIMIT 1" : "WHERE id = ?::uuid");
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      if (caseId != null) ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException(caseId == null ? "no case in " + SOURCE_SCHEMA + ".cases to copy a form from: submit one first" : "--template-case: case " + caseId + " not found");
        Template template = new Template(rs.getString(1), rs.getString(2), (ObjectNode) CaseStatements.JSON.readTree(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getInt(8));
        copyUsers(db, template);
        return template;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("template case: unreadable form", e);
      }
    }
  }

  /** A fresh enterprise name per case (names are unique once licensed). */
  private String uniqueName() {
    int n = counter.getAndIncrement();
    StringBuilder trade = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      trade.append(TRADE_CHARS.charAt(n % TRADE_CHARS.length()));
      n /= TRADE_CHARS.length();
    }
    return "吉首市" + trade + "科技有限公司";
  }

  /** The submission: the case row and the process instance in one transaction. */
  private Started submit() throws Exception {
    return submit(0);
  }

  /** As submit(), latency counted from `plannedNanos` when set (a fixed-rate start that ran late counts against the engine). */
  private Started submit(long plannedNanos) throws Exception {
    String caseId = UUID.randomUUID().toString();
    String name = uniqueName();
    ObjectNode form = template.form().deepCopy();
    ((ObjectNode) form.path("company")).put("name", name);
    String formJson = CaseStatements.JSON.writeValueAsString(form);
    long start = System.nanoTime();
    engine.getManagementService().executeCommand((Command<Void>) context -> {
      try {
        CaseStatements.insertCase(CommandContextUtil.getDbSqlSession(context).getSqlSession().getConnection(), caseId, template.applicantId(), template.filedById(), formJson, name, template.policy(), template.fees(), template.flags(), template.processKey(), template.processVersion());
      } catch (SQLException e) {
        throw new IllegalStateException("case insert failed: " + e.getMessage(), e);
      }
      engine.getRuntimeService().startProcessInstanceByKey("enterpriseOpening", "case-" + caseId, Map.of("caseId", caseId));
      return null;
    });
    return new Started(caseId, plannedNanos != 0 ? Math.min(plannedNanos, start) : start, (System.nanoTime() - start) / 1e6);
  }

  private ObjectNode runFull(String label, int count, int concurrency) throws Exception {
    Meter meter = new Meter();
    List<Started> started = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<?>> runners = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      runners.add(pool.submit(() -> {
        while (next.getAndIncrement() < count) started.add(submit());
        return null;
      }));
    }
    for (Future<?> runner : runners) runner.get();
    pool.shutdown();
    return finish(label, started, meter);
  }

  private ObjectNode runFixed(String label, int count, int perSecond) throws Exception {
    Meter meter = new Meter();
    List<Started> started = Collections.synchronizedList(new ArrayList<>());
    // Open loop, as bench/lib/stats.ts's atRate: a slow submission delays no other one.
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Future<?>> submissions = new ArrayList<>();
    long begin = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = begin + (long) (i * 1e9 / perSecond);
      long wait = due - System.nanoTime();
      if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
      submissions.add(pool.submit(() -> started.add(submit(due))));
    }
    for (Future<?> submission : submissions) submission.get();
    pool.shutdown();
    ObjectNode result = finish(label, started, meter);
    return result.put("perSecond", perSecond);
  }

  private ObjectNode runSerial(String label, int count) throws Exception {
    Meter meter = new Meter();
    List<Started> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Started one = submit();
      started.add(one);
      awaitEnded(List.of(one), 60_000);
    }
    return finish(label, started, meter);
  }

  private static void awaitEnded(List<Started> started, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    synchronized (Completions.ENDED) {
      while (!started.stream().allMatch(s -> Completions.ENDED.containsKey(s.caseId()))) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) return;
        Completions.ENDED.wait(Math.min(left, 200));
      }
    }
  }

  private ObjectNode finish(String label, List<Started> started, Meter meter) throws Exception {
    awaitEnded(started, 600_000);
    double cpuSeconds = meter.cpuSeconds();
    mark("phase-end");
    List<Double> latencies = new ArrayList<>();
    List<Double> ends = new ArrayList<>();
    long first = started.stream().mapToLong(Started::startNanos).min().orElse(0);
    int missing = 0;
    for (Started s : started) {
      Long end = Completions.ENDED.get(s.caseId());
      if (end == null) {
        missing++;
        continue;
      }
      latencies.add((end - s.startNanos()) / 1e6);
      ends.add((end - first) / 1e6);
    }
    // The read model must say so too: every case COMPLETED with its outcome and USCC, its five tasks DONE
    // with outputs, its name registered, its enterprise in the register, both notices queued and its story
    // in case_events (the start, five openings, five decisions, the outcome, the close) — the work was done, not skipped.
    int completed;
    try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM " + SCHEMA + ".cases c WHERE c.id = ANY(?::uuid[]) AND c.status = 'COMPLETED'"
        + " AND c.outcome IS NOT NULL AND c.uscc IS NOT NULL"
        + " AND (SELECT count(*) FROM " + SCHEMA + ".tasks t WHERE t.case_id = c.id AND t.status = 'DONE' AND t.outputs IS NOT NULL) = 5"
        + " AND (SELECT count(*) FROM " + SCHEMA + ".notifications n WHERE n.case_id = c.id) = 2"
        + " AND EXISTS (SELECT 1 FROM " + SCHEMA + ".registered_names r WHERE r.case_id = c.id)"
        + " AND EXISTS (SELECT 1 FROM " + SCHEMA + ".enterprise_cases e WHERE e.case_id = c.id)"
        + " AND (SELECT count(*) FROM " + SCHEMA + ".case_events v WHERE v.case_id = c.id) = 13")) {
      ps.setArray(1, db.createArrayOf("text", started.stream().map(Started::caseId).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        completed = rs.getInt(1);
      }
    }
    double seconds = ends.isEmpty() ? 0 : Collections.max(ends) / 1000;
    ObjectNode out = CaseStatements.JSON.createObjectNode();
    out.put("label", label).put("workflows", started.size()).put("failed", Math.max(missing, started.size() - completed)).put("seconds", round(seconds, 2));
    out.put("overallPerSecond", round(ends.size() / Math.max(0.001, seconds), 2)).put("sustainedPerSecond", sustainedRate(ends));
    out.set("latency", summary(latencies));
    out.set("startCall", summary(started.stream().map(Started::callMs).toList()));
    out.put("cpuSeconds", round(cpuSeconds, 2)).put("cpuMsPerCase", round(cpuSeconds * 1000 / Math.max(1, started.size()), 2));
    out.put("rssMiB", round(status("VmRSS"), 1)).put("peakRssMiB", round(status("VmHWM"), 1));
    long heapPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) heapPeak += pool.getPeakUsage().getUsed();
    out.put("peakHeapMiB", round(heapPeak / 1048576.0, 1)).put("heapCommittedMiB", round(Runtime.getRuntime().totalMemory() / 1048576.0, 1));
    out.put("deadLetterJobs", engine.getManagementService().createDeadLetterJobQuery().count());
    return out;
  }

  /** CPU of this JVM (all its threads: executor, submitters, JIT, GC) between construction and cpuSeconds(). */
  private static final class Meter {
    private final long before = processCpuNanos();

    double cpuSeconds() {
      return (processCpuNanos() - before) / 1e9;
    }

    private static long processCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
  }

  private static double status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    } catch (java.io.IOException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** Nearest-rank percentiles in ms, as bench/lib/stats.ts. */
  private static ObjectNode summary(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    ObjectNode out = CaseStatements.JSON.createObjectNode();
    out.put("count", sorted.size());
    if (sorted.isEmpty()) return out;
    out.put("min", round(sorted.get(0), 2)).put("p50", round(percentile(sorted, 50), 2)).put("p95", round(percentile(sorted, 95), 2)).put("p99", round(percentile(sorted, 99), 2));
    out.put("max", round(sorted.get(sorted.size() - 1), 2)).put("mean", round(sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0), 2));
    return out;
  }

  private static double percentile(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
  }

  /** Completions per second over the middle 80 % of completions, as bench/lib/stats.ts. */
  private static double sustainedRate(List<Double> endsMs) {
    List<Double> sorted = new ArrayList<>(endsMs);
    Collections.sort(sorted);
    if (sorted.size() < 10) return round(sorted.size() / Math.max(0.001, (sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) - sorted.get(0)) / 1000), 2);
    int lo = (int) Math.floor(sorted.size() * 0.1);
    int hi = (int) Math.ceil(sorted.size() * 0.9) - 1;
    return round((hi - lo) / Math.max(0.001, (sorted.get(hi) - sorted.get(lo)) / 1000), 2);
  }

  private static double round(double value, int digits) {
    if (!Double.isFinite(value)) return value;
    double factor = Math.pow(10, digits);
    return Math.round(value * factor) / factor;
  }

  private static void emit(ObjectNode line) {
    System.out.println(line.toString());
    System.out.flush();
  }
}
