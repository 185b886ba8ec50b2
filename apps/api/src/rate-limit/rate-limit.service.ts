import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RateLimitedError } from '../common/app-error';

export interface RateLimitCounter {
  /** e.g. `SIGN_IN:ip`; the counted value is hashed onto it. */
  name: string;
  value: string;
  limit: number;
}

const PRUNE_SHARE = 0.01;

interface CounterRow {
  hits: number;
  retry_after: number;
}

/**
 * Fixed-window counters in PostgreSQL, so every API replica counts against the same numbers. One
 * statement bumps all of a request's counters (or starts a new window) and returns them; the database's
 * clock decides the window, not the replicas'.
 */
@Injectable()
export class RateLimitService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one request against each counter; 429 when any of them is past its limit in this window. */
  async hit(counters: readonly RateLimitCounter[], windowSeconds: number): Promise<void> {
    const counted = counters.filter((counter) => counter.limit > 0);
    if (counted.length === 0) return;
    // Hashed: the table never holds an IP address or a username.
    const keys = counted.map((counter) => `${counter.name}:${createHash('sha256').update(counter.value).digest('base64url')}`);
    const rows: (CounterRow & { key: string })[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counters AS c (key, window_start, hits)
       SELECT k, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1 FROM unnest($1::text[]) AS k
       ON CONFLICT (key) DO UPDATE
         SET hits = CASE WHEN c.window_start = EXCLUDED.window_start THEN c.hits + 1 ELSE 1 END,
             window_start = EXCLUDED.window_start
       RETURNING key, hits, greatest(1, ceil(extract(epoch FROM c.window_start + make_interval(secs => $2) - now())))::int AS retry_after`,
      [keys, windowSeconds],
    );
    // Now and then, forget counters of windows long gone (one row per key would otherwise only grow).
    // Not awaited: the caller should not wait for housekeeping (a failure is retried by a later request).
    if (Math.random() < PRUNE_SHARE) {
      void this.dataSource
        .query(`DELETE FROM rate_limit_counters WHERE window_start < now() - make_interval(secs => $1)`, [windowSeconds * 2])
        .catch(() => undefined);
    }
    const over = rows.filter((row) => row.hits > counted[keys.indexOf(row.key)].limit);
    if (over.length > 0) throw new RateLimitedError(Math.max(...over.map((row) => row.retry_after)));
  }
}
