import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, maskIdNumber, maskMobile } from '@onetrip/domain';
import { EnterpriseRegisterRepository, factsOf, PersonalDataCipher, type EnterpriseHistoryRow, type EnterpriseRow } from '@onetrip/infrastructure';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { EnterpriseListResponseDto, EnterpriseResponseDto, EnterpriseSummaryDto } from './dto/enterprise-response.dto';

const iso = (at: Date | null): string | null => (at ? new Date(at).toISOString() : null);

/** The register as the API shows it: an applicant sees the enterprises they represent; everyone else finds any by USCC. */
@Injectable()
export class EnterprisesService {
  private readonly register: EnterpriseRegisterRepository;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.register = new EnterpriseRegisterRepository(cipher);
  }

  async list(user: AuthenticatedUser, uscc: string | undefined): Promise<EnterpriseListResponseDto> {
    const manager = this.dataSource.manager;
    let rows: EnterpriseRow[];
    if (user.role === 'APPLICANT') {
      rows = (await this.register.listForRepresentative(manager, user.id)).filter((row) => uscc === undefined || row.uscc === uscc);
    } else {
      const row = uscc === undefined ? null : await this.register.findByUscc(manager, uscc);
      rows = row ? [row] : [];
    }
    return { items: rows.map((row) => this.summary(row)) };
  }

  async get(user: AuthenticatedUser, id: string): Promise<EnterpriseResponseDto> {
    const row = isUuid(id) ? await this.register.findById(this.dataSource.manager, id) : null;
    // An applicant sees only the enterprises they represent; another's is "not found" (no enumeration).
    if (!row || (user.role === 'APPLICANT' && row.legal_representative_user_id !== user.id)) throw new AppError('NOT_FOUND', 'No such enterprise');
    const history = await this.register.history(this.dataSource.manager, row.id);
    return this.view(row, history);
  }

  private summary(row: EnterpriseRow): EnterpriseSummaryDto {
    return { id: row.id, uscc: row.uscc, name: row.name, status: row.status, legalRepresentativeName: row.legal_representative.name, licenceEdition: row.licence_edition };
  }

  private view(row: EnterpriseRow, history: EnterpriseHistoryRow[]): EnterpriseResponseDto {
    const facts = factsOf(row, this.cipher);
    return {
      id: row.id,
      uscc: facts.uscc,
      name: facts.name,
      entityType: facts.entityType,
      address: { divisionCode: facts.address.divisionCode, detail: facts.address.detail },
      legalRepresentative: {
        name: facts.legalRepresentative.name,
        idNumber: maskIdNumber(facts.legalRepresentative.idNumber),
        mobile: maskMobile(facts.legalRepresentative.mobile ?? ''),
      },
      registeredCapital: facts.registeredCapital,
      businessScope: facts.businessScope,
      shareholders: facts.shareholders.map((holder) => ({
        name: holder.name,
        kind: holder.kind,
        ...(holder.idNumber ? { idNumber: maskIdNumber(holder.idNumber) } : {}),
        ...(holder.uscc ? { uscc: holder.uscc } : {}),
        subscribedCapital: holder.subscribedCapital,
      })),
      seals: facts.seals.map((seal) => ({ kind: String(seal.kind), code: seal.code })),
      taxpayerId: facts.taxpayerId,
      socialInsuranceNumber: facts.socialInsuranceNumber,
      ...(facts.bankAccount ? { bankAccount: facts.bankAccount } : {}),
      licenceNumber: facts.licenceNumber,
      licenceEdition: facts.licenceEdition,
      status: row.status,
      lifecycleCaseId: row.lifecycle_case_id,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      deregisteredAt: iso(row.deregistered_at),
      history: history.map((item) => ({
        caseId: item.case_id,
        role: item.role,
        processKey: item.process_key,
        processVersion: item.process_version,
        status: item.status,
        submittedAt: new Date(item.submitted_at).toISOString(),
        endedAt: iso(item.ended_at),
        appliedAt: iso(item.applied_at),
        changed: Array.isArray(item.details?.changed) ? (item.details.changed as string[]) : [],
      })),
    };
  }
}
