import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SIGNATURE_WINDOW_SECONDS, type NonceRegistry } from '@onetrip/infrastructure';

/** The nonces of departments' signed callbacks, in PostgreSQL so every API replica refuses the same replay. */
@Injectable()
export class ConnectorNoncesRepository implements NonceRegistry {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async remember(department: string, nonce: string, at: Date): Promise<boolean> {
    // Past twice the window a nonce cannot come back (its timestamp would be refused as stale): forget it.
    await this.dataSource.query(`DELETE FROM connector_nonces WHERE received_at < $1`, [new Date(at.getTime() - 2 * SIGNATURE_WINDOW_SECONDS * 1000)]);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO connector_nonces (department, nonce, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING nonce`,
      [department, nonce, at],
    );
    return inserted.length === 1;
  }
}
