import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { attemptsLeft, judgeWalkInCode, maskMobile, planCodeOnReopen, planCodeResend, resendAllowedAt, type AccountStatus, type CodeSendPlan } from '@onetrip/domain';
import { PersonalDataCipher, SmsSendError } from '@onetrip/infrastructure';
import { isPasswordSet, UNSET_PASSWORD_HASH } from '../auth/password-hasher';
import { AppError } from '../common/app-error';
import { SmsService } from '../notifications/sms.service';
import { ApplicantAccountsRepository, type ApplicantAccount } from './applicant-accounts.repository';
import type { ApplicantCreateDto } from './dto/applicant-create.dto';
import type { ApplicantCreatedResponseDto, ApplicantResponseDto } from './dto/applicant-response.dto';
import { WalkInCodes } from './walk-in-codes';

// 帮代办 for walk-ins: the window finds the applicant's account by name and the mobile's last four digits,
// or opens one for them. An account opened here is PENDING until the 6-digit code texted to the mobile is
// typed back at the counter (the clerk types what the applicant reads from their phone): it proves the
// number is the applicant's before the case's notices go to it, and the window may file for it only then.
// It has no password: the applicant sets one later, so nobody at the counter knows it.

const codeField = (code: string, message: string) => [{ path: 'code', messages: [message], codes: [code] }];

@Injectable()
export class ApplicantsService {
  private readonly logger = new Logger(ApplicantsService.name);

  constructor(
    private readonly accounts: ApplicantAccountsRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly sms: SmsService,
    private readonly codes: WalkInCodes,
  ) {}

  private mobileOf(row: ApplicantAccount): string | null {
    return row.mobile ? this.cipher.open(row.mobile) : null;
  }

  private toResponse(row: ApplicantAccount, mobile: string): ApplicantResponseDto {
    const pending = row.confirmation !== null && row.confirmation.confirmedAt === null;
    const status: AccountStatus = pending ? 'PENDING' : 'ACTIVE';
    const base = { username: row.username, name: row.name, maskedMobile: maskMobile(mobile), canSignIn: isPasswordSet(row.password_hash), status };
    if (!pending || !row.confirmation) return base;
    const resendAt = resendAllowedAt(row.confirmation);
    return {
      ...base,
      codeSentAt: row.confirmation.sentAt?.toISOString(),
      codeExpiresAt: row.confirmation.expiresAt.toISOString(),
      resendAt: resendAt?.toISOString(),
      attemptsLeft: attemptsLeft(row.confirmation),
    };
  }

  private answer(row: ApplicantAccount): ApplicantResponseDto {
    return this.toResponse(row, this.mobileOf(row) ?? '');
  }

  /** Mobiles are sealed at rest, so the name narrows the rows and the last four digits are compared opened. */
  async lookup(name: string, mobileLast4: string): Promise<ApplicantResponseDto[]> {
    const rows = await this.accounts.named(name.trim());
    return rows.flatMap((row) => {
      const mobile = this.mobileOf(row);
      return mobile !== null && mobile.endsWith(mobileLast4) ? [this.toResponse(row, mobile)] : [];
    });
  }

  /**
   * Safe to repeat: the same name and mobile answer the account made the first time. Its first code is
   * texted now; a repeat sends it again only if it never reached the provider (the same text under the same
   * key), never a second code (that is the resend, with its cooldown).
   */
  async create(dto: ApplicantCreateDto): Promise<ApplicantCreatedResponseDto> {
    const name = dto.name.trim();
    const { account, created, plan } = await this.accounts.findOrInsert(
      name,
      (rows) => rows.find((candidate) => this.mobileOf(candidate) === dto.mobile),
      () => ({ id: randomUUID(), username: `walkin-${randomUUID().slice(0, 8)}`, sealedMobile: this.cipher.seal(dto.mobile), passwordHash: UNSET_PASSWORD_HASH }),
      (userId, serial) => this.codes.hashOfIssued(userId, serial),
      (found) => (found.confirmation ? planCodeOnReopen(found.confirmation, found.now) : { kind: 'NOTHING' }),
    );
    const after = await this.sendIfPlanned(account, plan, dto.mobile);
    return { ...this.toResponse(after, dto.mobile), created };
  }

  /** A new code for a PENDING account, at most one a minute; a retry of one whose text failed sends that same text. */
  async resend(username: string): Promise<ApplicantResponseDto> {
    const planned = await this.accounts.planResend(
      username,
      (found) => (found.confirmation ? planCodeResend(found.confirmation, found.now) : { kind: 'ALREADY_CONFIRMED' }),
      (userId, serial) => this.codes.hashOfIssued(userId, serial),
    );
    if (!planned) throw new AppError('NOT_FOUND', 'No applicant account has this username');
    const { account, plan } = planned;
    if (plan.kind === 'ALREADY_CONFIRMED') throw new AppError('ACCOUNT_ALREADY_CONFIRMED', 'The account is confirmed already: no code is needed');
    if (plan.kind === 'TOO_SOON') {
      throw new AppError('CONFIRMATION_RESEND_TOO_SOON', `A code was texted less than a minute ago: send another in ${plan.retryAfterSeconds} s`, undefined, { retryAfterSeconds: plan.retryAfterSeconds });
    }
    const mobile = this.mobileOf(account);
    if (mobile === null) throw new AppError('NOT_FOUND', 'No applicant account has this username');
    return this.answer(await this.sendIfPlanned(account, plan, mobile));
  }

  /** The code the applicant read out. Retry-safe: the same right code again answers the same ACTIVE account. */
  async confirm(username: string, code: string, clerkId: string): Promise<ApplicantResponseDto> {
    const judged = await this.accounts.confirm(
      username,
      (found) => (found.confirmation ? judgeWalkInCode(found.confirmation, found.now, this.codes.matches(found.confirmation.codeHash, found.id, found.confirmation.serial, code)) : 'CONFIRMED_BEFORE'),
      clerkId,
    );
    if (!judged) throw new AppError('NOT_FOUND', 'No applicant account has this username');
    const { account, verdict } = judged;
    switch (verdict) {
      case 'CONFIRMED':
        this.logger.log(`walk-in account ${account.username} confirmed by its mobile`);
        return this.answer(account);
      case 'ALREADY_CONFIRMED':
        return this.answer(account);
      case 'CONFIRMED_BEFORE':
        throw new AppError('ACCOUNT_ALREADY_CONFIRMED', 'The account is confirmed already', codeField('ACCOUNT_ALREADY_CONFIRMED', 'the account needs no code'));
      case 'EXPIRED':
        throw new AppError('CONFIRMATION_CODE_EXPIRED', 'The code has expired: send a new one', codeField('CONFIRMATION_CODE_EXPIRED', 'code has expired'));
      case 'ATTEMPTS_EXHAUSTED':
        throw new AppError('CONFIRMATION_ATTEMPTS_EXHAUSTED', 'Too many wrong codes: send a new one', codeField('CONFIRMATION_ATTEMPTS_EXHAUSTED', 'too many wrong codes for this one'));
      case 'WRONG': {
        const left = account.confirmation ? attemptsLeft(account.confirmation) : 0;
        throw new AppError('CONFIRMATION_CODE_WRONG', `The code is not the one texted: ${left} attempt(s) left`, codeField('CONFIRMATION_CODE_WRONG', 'code is not the one texted'), { attemptsLeft: left });
      }
    }
  }

  /**
   * Texts the account's current code when the plan says so, then records that the provider took it. The
   * dedupe key names the account and the code's serial: a repeat is one message at the provider.
   */
  private async sendIfPlanned(account: ApplicantAccount, plan: CodeSendPlan, mobile: string): Promise<ApplicantAccount> {
    if ((plan.kind !== 'SEND_AGAIN' && plan.kind !== 'NEW_CODE') || !account.confirmation) return account;
    const { serial } = account.confirmation;
    try {
      await this.sms.sendVerificationCode(mobile, this.codes.code(account.id, serial), `walk-in-code:${account.username}:${serial}`);
    } catch (error) {
      // The account and its code stay; the same request again sends this code again.
      const why = error instanceof SmsSendError ? (error.permanent ? 'refused' : 'failed') : 'failed';
      this.logger.warn(`walk-in code ${serial} for ${account.username} not sent: ${why}`);
      throw new AppError('SMS_UNAVAILABLE', 'The text message could not be sent now: the account is kept; send the code again');
    }
    return this.accounts.markSent(account.id, serial);
  }
}
