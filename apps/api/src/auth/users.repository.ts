import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { UserEntity } from '@onetrip/infrastructure';

/** The SQL of `users`: sign-in and registration, look-ups by name, and the demo accounts. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get users(): Repository<UserEntity> {
    return this.dataSource.getRepository(UserEntity);
  }

  byUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { username } });
  }

  byId(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /** Only what a token is checked against. */
  identity(id: string): Promise<Pick<UserEntity, 'id' | 'username' | 'role' | 'department'> | null> {
    return this.users.findOne({ where: { id }, select: { id: true, username: true, role: true, department: true } });
  }

  /** Stores a new hash of the password, unless the stored one changed meanwhile. */
  async rehash(id: string, oldHash: string, newHash: string): Promise<void> {
    await this.users.update({ id, passwordHash: oldHash }, { passwordHash: newHash });
  }

  /** Creates an applicant's account unless the username is taken (registration does not tell which). */
  async insertApplicantIfAbsent(user: { id: string; username: string; passwordHash: string; name: string; sealedMobile: string; sealedEmail: string | null; locale: 'zh' | 'en' }): Promise<void> {
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ id: user.id, username: user.username, passwordHash: user.passwordHash, name: user.name, mobile: user.sealedMobile, email: user.sealedEmail, locale: user.locale, role: 'APPLICANT', department: null })
      .orIgnore()
      .execute();
  }

  /** id → username, for the ids given (who acted on a case). */
  async usernames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT id, username FROM users WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; username: string }[];
    return new Map(rows.map((row) => [row.id, row.username]));
  }

  /** The clerks of a department by username (whom an admin may give its task to). */
  async clerksOf(department: string): Promise<{ username: string; name: string }[]> {
    return (await this.dataSource.query(`SELECT username, name FROM users WHERE role = 'CLERK' AND department = $1 ORDER BY username LIMIT 200`, [department])) as { username: string; name: string }[];
  }

  /** The id of a clerk of `department` with that username, if there is one. */
  async clerkId(username: string, department: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT id FROM users WHERE username = $1 AND role = 'CLERK' AND department = $2`, [username, department])) as { id: string }[];
    return row?.id;
  }

  /** The id of an applicant's account by its username, if there is one. */
  async applicantId(username: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT id FROM users WHERE username = $1 AND role = 'APPLICANT'`, [username])) as { id: string }[];
    return row?.id;
  }

  /** An applicant account with whether the window opened it and it still waits for its texted code. */
  async applicantForFiling(username: string): Promise<{ id: string; pending: boolean } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT u.id, (c.user_id IS NOT NULL AND c.confirmed_at IS NULL) AS pending FROM users u LEFT JOIN walk_in_confirmations c ON c.user_id = u.id WHERE u.username = $1 AND u.role = 'APPLICANT'`,
      [username],
    )) as { id: string; pending: boolean }[];
    return row;
  }

  /** The name an account gave (null when none, undefined when no such account). */
  async nameOf(id: string): Promise<string | null | undefined> {
    const [row] = (await this.dataSource.query(`SELECT name FROM users WHERE id = $1`, [id])) as { name: string | null }[];
    return row ? row.name : undefined;
  }

  /** Which of these usernames have accounts. */
  async existingUsernames(usernames: readonly string[]): Promise<Set<string>> {
    const rows = (await this.dataSource.query(`SELECT username FROM users WHERE username = ANY($1)`, [usernames])) as { username: string }[];
    return new Set(rows.map((row) => row.username));
  }

  /** Creates an account unless the username is taken (several processes seeding at once: the first wins). */
  async insertIfAbsent(user: { id: string; username: string; passwordHash: string; name: string | null; role: string; department: string | null }): Promise<void> {
    await this.dataSource.query(`INSERT INTO users (id, username, password_hash, name, role, department) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING`, [
      user.id,
      user.username,
      user.passwordHash,
      user.name,
      user.role,
      user.department,
    ]);
  }
}
