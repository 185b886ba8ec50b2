import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { maskMobile } from '@onetrip/domain';
import { PersonalDataCipher } from '@onetrip/infrastructure';
import { isPasswordSet, UNSET_PASSWORD_HASH } from '../auth/password-hasher';
import { ApplicantAccountsRepository, type ApplicantAccountRow } from './applicant-accounts.repository';
import type { ApplicantCreateDto } from './dto/applicant-create.dto';
import type { ApplicantCreatedResponseDto, ApplicantResponseDto } from './dto/applicant-response.dto';

// 帮代办 for walk-ins: the window finds the applicant's account by name and the mobile's last four digits,
// or opens one for them. An account opened here has no password: the applicant sets one after confirming a
// code sent to the mobile (the notifications relay's part, a follow-up), so nobody at the counter knows it.

@Injectable()
export class ApplicantsService {
  constructor(
    private readonly accounts: ApplicantAccountsRepository,
    private readonly cipher: PersonalDataCipher,
  ) {}

  private mobileOf(row: ApplicantAccountRow): string | null {
    return row.mobile ? this.cipher.open(row.mobile) : null;
  }

  private toResponse(row: ApplicantAccountRow, mobile: string): ApplicantResponseDto {
    return { username: row.username, name: row.name, maskedMobile: maskMobile(mobile), canSignIn: isPasswordSet(row.password_hash) };
  }

  /** Mobiles are sealed at rest, so the name narrows the rows and the last four digits are compared opened. */
  async lookup(name: string, mobileLast4: string): Promise<ApplicantResponseDto[]> {
    const rows = await this.accounts.named(name.trim());
    return rows.flatMap((row) => {
      const mobile = this.mobileOf(row);
      return mobile !== null && mobile.endsWith(mobileLast4) ? [this.toResponse(row, mobile)] : [];
    });
  }

  /** Safe to repeat: the same name and mobile answer the account made the first time. */
  async create(dto: ApplicantCreateDto): Promise<ApplicantCreatedResponseDto> {
    const name = dto.name.trim();
    const { row, created } = await this.accounts.findOrInsert(
      name,
      (rows) => rows.find((candidate) => this.mobileOf(candidate) === dto.mobile),
      () => ({ id: randomUUID(), username: `walkin-${randomUUID().slice(0, 8)}`, sealedMobile: this.cipher.seal(dto.mobile), passwordHash: UNSET_PASSWORD_HASH }),
    );
    return { ...this.toResponse(row, dto.mobile), created };
  }
}
