import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { isDepartment, isUuid } from '@onetrip/domain';
import { PersonalDataCipher, UserEntity, type UserRole } from '@onetrip/infrastructure';
import { AppError } from '../common/app-error';
import { USER_ROLES, type AuthenticatedUser } from '../common/authenticated-user';
import { TokenCreateDto } from './dto/token-create.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { UserRegisterDto } from './dto/user-register.dto';
import { UserRegisteredResponseDto, UserResponseDto } from './dto/user-response.dto';
import { hashPassword, verifyPassword } from './password-hasher';

export const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

interface TokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  department?: string;
}


export function toUserResponse(user: AuthenticatedUser): UserResponseDto {
  return { id: user.id, username: user.username, role: user.role, ...(user.department ? { department: user.department } : {}) };
}

@Injectable()
export class AuthService {
  // Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
  private readonly decoyHash = hashPassword(randomUUID());

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async register(dto: UserRegisterDto): Promise<UserRegisteredResponseDto> {
    const id = randomUUID();
    const passwordHash = await hashPassword(dto.password);
    const result = await this.users
      .createQueryBuilder()
      .insert()
      .values({ id, username: dto.username, passwordHash, name: dto.name, mobile: this.cipher.seal(dto.mobile), role: 'APPLICANT', department: null })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (result.raw.length === 0) throw new AppError('USERNAME_TAKEN', 'The username is already taken');
    return { id, username: dto.username, role: 'APPLICANT', name: dto.name };
  }

  async issueToken(dto: TokenCreateDto): Promise<TokenResponseDto> {
    const user = await this.users.findOne({ where: { username: dto.username } });
    const matches = await verifyPassword(dto.password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !matches) throw new AppError('UNAUTHENTICATED', 'Wrong username or password');
    const authenticated = this.toAuthenticated(user);
    const claims: TokenClaims = { sub: user.id, username: user.username, role: user.role, ...(authenticated.department ? { department: authenticated.department } : {}) };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, tokenType: 'Bearer', expiresIn: TOKEN_LIFETIME_SECONDS, user: toUserResponse(authenticated) };
  }

  /** The caller behind a bearer token; 401 for a missing, expired, forged or malformed one. */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new AppError('UNAUTHENTICATED', 'The bearer token is invalid or has expired');
    }
    const role = claims.role;
    if (!isUuid(claims.sub) || typeof claims.username !== 'string' || !role || !USER_ROLES.includes(role)) {
      throw new AppError('UNAUTHENTICATED', 'The bearer token is invalid or has expired');
    }
    const department = typeof claims.department === 'string' && isDepartment(claims.department) ? claims.department : null;
    if ((role === 'CLERK') !== (department !== null)) throw new AppError('UNAUTHENTICATED', 'The bearer token is invalid or has expired');
    return { id: claims.sub, username: claims.username, role, department };
  }

  private toAuthenticated(user: UserEntity): AuthenticatedUser {
    const department = user.department !== null && isDepartment(user.department) ? user.department : null;
    return { id: user.id, username: user.username, role: user.role, department };
  }
}
