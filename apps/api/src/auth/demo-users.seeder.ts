import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Department } from '@onetrip/domain';
import type { UserRole } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';
import { hashPassword } from './password-hasher';

interface DemoUser {
  username: string;
  name: string;
  role: UserRole;
  department: Department | null;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'clerk-samr', name: '市场监管窗口', role: 'CLERK', department: 'SAMR' },
  { username: 'clerk-psb', name: '公安印章窗口', role: 'CLERK', department: 'PSB' },
  { username: 'clerk-tax', name: '税务窗口', role: 'CLERK', department: 'TAX' },
  { username: 'clerk-hrss', name: '人社窗口', role: 'CLERK', department: 'HRSS' },
  { username: 'clerk-bank', name: '银行窗口', role: 'CLERK', department: 'BANK' },
  { username: 'window', name: '综合窗口', role: 'WINDOW', department: null },
  { username: 'admin', name: '督查', role: 'ADMIN', department: null },
];

/** Demo mode only (never in production: the config refuses it): the staff users, created once. */
@Injectable()
export class DemoUsersSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoUsers');

  constructor(
    private readonly config: ApiConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_MODE || this.config.NODE_ENV === 'production') return;
    const existing = (await this.dataSource.query(`SELECT username FROM users WHERE username = ANY($1)`, [DEMO_USERS.map((user) => user.username)])) as {
      username: string;
    }[];
    const missing = DEMO_USERS.filter((user) => !existing.some((row) => row.username === user.username));
    for (const user of missing) {
      // Several API processes may seed at once: the first insert wins, the others change nothing.
      await this.dataSource.query(
        `INSERT INTO users (id, username, password_hash, name, role, department) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING`,
        [randomUUID(), user.username, await hashPassword(this.config.DEMO_PASSWORD), user.name, user.role, user.department],
      );
    }
    if (missing.length > 0) this.logger.log(`demo users created: ${missing.map((user) => user.username).join(', ')}`);
  }
}
