import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { UserRole } from '@onetrip/infrastructure';
import { ApiConfig } from '../config/api.config';
import { ProcessDefinitionsService } from '../processes/process-definitions.service';
import { hashPassword, scryptParametersFor } from './password-hasher';
import { UsersRepository } from './users.repository';

interface DemoUser {
  username: string;
  name: string;
  role: UserRole;
  /** Clerks only: a department some stored process definition declares. */
  department: string | null;
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
    private readonly users: UsersRepository,
    private readonly definitions: ProcessDefinitionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_MODE || this.config.NODE_ENV === 'production') return;
    const existing = await this.users.existingUsernames(DEMO_USERS.map((user) => user.username));
    const missing = DEMO_USERS.filter((user) => !existing.has(user.username));
    const created: string[] = [];
    for (const user of missing) {
      // Departments are data: a clerk of a department no stored definition declares would see no task ever.
      if (user.department !== null && !(await this.definitions.declaresDepartment(user.department))) {
        this.logger.error(`demo user ${user.username} not created: no stored process definition declares the department ${user.department}`);
        continue;
      }
      // Several API processes may seed at once: the first insert wins, the others change nothing.
      await this.users.insertIfAbsent({ id: randomUUID(), username: user.username, passwordHash: await hashPassword(this.config.DEMO_PASSWORD, scryptParametersFor(this.config.PASSWORD_SCRYPT_N)), name: user.name, role: user.role, department: user.department });
      created.push(user.username);
    }
    if (created.length > 0) this.logger.log(`demo users created: ${created.join(', ')}`);
  }
}
