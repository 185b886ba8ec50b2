package local.onetrip.peer;

import java.util.concurrent.ConcurrentHashMap;

/** When each case's outcome committed (System.nanoTime), written by the last job, read by the harness. */
final class Completions {
  static final ConcurrentHashMap<String, Long> ENDED = new ConcurrentHashMap<>();

  private Completions() {}

  static void done(String caseId) {
    ENDED.putIfAbsent(caseId, System.nanoTime());
    synchronized (ENDED) {
      ENDED.notifyAll();
    }
  }
}
