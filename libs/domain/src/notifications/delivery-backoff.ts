// Retries of a failed delivery wait longer each time (exponential, capped), with jitter so deliveries
// that failed together (a provider outage) do not all come back in the same second.

export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
}

/** The wait before attempt `attempts + 1`, after `attempts` failed ones (1-based); `random` in [0, 1). */
export function retryDelayMs(attempts: number, settings: BackoffSettings, random: number): number {
  const exponential = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, attempts - 1));
  // Between half and the whole of the exponential wait ("equal jitter").
  return Math.round(exponential / 2 + (exponential / 2) * random);
}
