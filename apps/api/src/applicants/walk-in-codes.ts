import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WALK_IN_CODE_DIGITS } from '@onetrip/domain';
import { ApiConfig } from '../config/api.config';

/**
 * The walk-in confirmation codes: each is HMAC(key, account, serial), so the code of one issue is the same
 * every time it is computed and a send that failed or was cut off is sent again with the same text under the
 * same dedupe key (one message at the provider); stored only as another keyed hash, so a database dump gives
 * neither the code nor a way to try the 10⁶ candidates without the key. The key is derived from JWT_SECRET
 * (required, per deployment); rotating it only voids codes in their 5 minutes.
 */
@Injectable()
export class WalkInCodes {
  private readonly key: Buffer;

  constructor(config: ApiConfig) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('onetrip walk-in confirmation codes v1').digest();
  }

  code(userId: string, serial: number): string {
    const digest = createHmac('sha256', this.key).update(`code:${userId}:${serial}`).digest();
    // 48 bits modulo 10⁶: the bias is below 10⁻⁸.
    return String(digest.readUIntBE(0, 6) % 10 ** WALK_IN_CODE_DIGITS).padStart(WALK_IN_CODE_DIGITS, '0');
  }

  hash(userId: string, serial: number, code: string): string {
    return createHmac('sha256', this.key).update(`hash:${userId}:${serial}:${code}`).digest('base64url');
  }

  /** The stored hash of the code issued as `serial`. */
  hashOfIssued(userId: string, serial: number): string {
    return this.hash(userId, serial, this.code(userId, serial));
  }

  matches(storedHash: string, userId: string, serial: number, code: string): boolean {
    const given = Buffer.from(this.hash(userId, serial, code));
    const stored = Buffer.from(storedHash);
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}
