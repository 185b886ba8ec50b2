import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { isUuid } from '@onetrip/domain';
import { PersonalDataCipher, UserEntity, type UserRole } from '@onetrip/infrastructure';
import { AppError } from '../common/app-error';
import { ApiConfig } from '../config/api.config';
import { USER_ROLES, type AuthenticatedUser } from '../common/authenticated-user';
import { TokenCreateDto } from './dto/token-create.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { UserRegisterDto } from './dto/user-register.dto';
import { UserRegisteredResponseDto, UserResponseDto } from './dto/user-response.dto';
import { hashPassword, isPasswordSet, needsRehash, scryptParametersFor, verifyPassword, type ScryptParameters } from './password-hasher';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from './password-policy';
import { RefreshTokenService } from './refresh-token.service';
import { UsersRepository } from './users.repository';

/** Access tokens are short-lived; the refresh token carries the session on (and sign-out ends it). */
export const TOKEN_LIFETIME_SECONDS = 15 * 60;
/** How long a token's user is remembered before the database is asked again whether it still exists with that role. */
export const USER_LOOKUP_TTL_MS = 10_000;
const USER_LOOKUP_MAX_ENTRIES = 10_000;

interface TokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  department?: string;
  exp?: number;
}

export function toUserResponse(user: AuthenticatedUser): UserResponseDto {
  return { id: user.id, username: user.username, role: user.role, ...(user.department ? { department: user.department } : {}) };
}

const invalidToken = (): AppError => new AppError('UNAUTHENTICATED', 'The bearer token is invalid or has expired');

@Injectable()
export class AuthService {
  /** What new hashes are made with (PASSWORD_SCRYPT_N), and the bar below which a stored one is rehashed. */
  private readonly scrypt: ScryptParameters;
  // Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
  private readonly decoyHash: Promise<string>;
  private readonly lookups = new Map<string, { user: AuthenticatedUser | null; until: number }>();

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly cipher: PersonalDataCipher,
    private readonly refreshTokens: RefreshTokenService,
    config: ApiConfig,
  ) {
    this.scrypt = scryptParametersFor(config.PASSWORD_SCRYPT_N);
    this.decoyHash = hashPassword(randomUUID(), this.scrypt);
  }

  /**
   * Creates the account if the username is free. The answer is the same whether or not it was (so it does
   * not tell who has an account); the new user finds out by signing in.
   */
  async register(dto: UserRegisterDto): Promise<UserRegisteredResponseDto> {
    const problem = passwordProblem(dto.password, dto.username);
    if (problem) throw new AppError(problem, PASSWORD_PROBLEM_MESSAGES[problem], [{ path: 'password', messages: [PASSWORD_PROBLEM_MESSAGES[problem]] }]);
    // Hashed either way, so a taken username answers as slowly as a free one.
    const passwordHash = await hashPassword(dto.password, this.scrypt);
    await this.users.insertApplicantIfAbsent({ id: randomUUID(), username: dto.username, passwordHash, name: dto.name, sealedMobile: this.cipher.seal(dto.mobile), sealedEmail: dto.email ? this.cipher.seal(dto.email) : null, locale: dto.locale ?? 'zh' });
    return { username: dto.username, role: 'APPLICANT' };
  }

  async issueToken(dto: TokenCreateDto): Promise<TokenResponseDto> {
    const user = await this.users.byUsername(dto.username);
    // An account without a password yet (opened at the window) costs the same as a wrong password.
    const usable = user !== null && isPasswordSet(user.passwordHash);
    const matches = await verifyPassword(dto.password, usable ? user.passwordHash : await this.decoyHash);
    if (!user || !usable || !matches) throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
    if (needsRehash(user.passwordHash, this.scrypt)) {
      // The password is known only now: store it with today's parameters (unless it changed meanwhile).
      await this.users.rehash(user.id, user.passwordHash, await hashPassword(dto.password, this.scrypt));
    }
    const authenticated = this.toAuthenticated(user);
    return this.tokensFor(authenticated, await this.refreshTokens.start(user.id), user.name);
  }

  /** A new access token and the next refresh token, for a refresh token used once. */
  async refresh(refreshToken: string): Promise<TokenResponseDto> {
    const { userId, refreshToken: next } = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.byId(userId);
    if (!user) throw new AppError('REFRESH_TOKEN_INVALID', 'The refresh token is invalid, expired or revoked: sign in again');
    return this.tokensFor(this.toAuthenticated(user), next, user.name);
  }

  signOut(refreshToken: string): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  /** The caller behind a bearer token; 401 for a missing, expired, forged or malformed one, or one whose user is gone or changed. */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw invalidToken();
    }
    // jsonwebtoken accepts a token without `exp` as never expiring: ours always carry one.
    if (typeof claims.exp !== 'number') throw invalidToken();
    const role = claims.role;
    if (!isUuid(claims.sub) || typeof claims.username !== 'string' || !role || !USER_ROLES.includes(role)) throw invalidToken();
    const department = typeof claims.department === 'string' ? claims.department : null;
    const user = await this.currentUser(claims.sub);
    if (!user || user.username !== claims.username || user.role !== role || user.department !== department) throw invalidToken();
    return user;
  }

  /** The user as stored now, remembered for USER_LOOKUP_TTL_MS (a removed user or changed role takes effect within it). */
  private async currentUser(id: string): Promise<AuthenticatedUser | null> {
    const now = Date.now();
    const cached = this.lookups.get(id);
    if (cached && cached.until > now) return cached.user;
    const row = await this.users.identity(id);
    const user = row ? this.toAuthenticated(row) : null;
    if (this.lookups.size >= USER_LOOKUP_MAX_ENTRIES) this.lookups.clear(); // bounded: a flood of ids cannot grow it
    this.lookups.set(id, { user, until: now + USER_LOOKUP_TTL_MS });
    return user;
  }

  /** `name`: the account's own name, so the pages can offer it (e.g. "I am the legal representative"). */
  private async tokensFor(user: AuthenticatedUser, refreshToken: string, name: string | null): Promise<TokenResponseDto> {
    const claims: TokenClaims = { sub: user.id, username: user.username, role: user.role, ...(user.department ? { department: user.department } : {}) };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_LIFETIME_SECONDS, refreshToken, user: { ...toUserResponse(user), ...(name ? { name } : {}) } };
  }

  private toAuthenticated(user: Pick<UserEntity, 'id' | 'username' | 'role' | 'department'>): AuthenticatedUser {
    // Departments are data (declared by the definitions), so the stored code is taken as it is.
    return { id: user.id, username: user.username, role: user.role, department: user.department };
  }
}
