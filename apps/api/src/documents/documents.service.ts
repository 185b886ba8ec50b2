import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  correctionDocumentContent,
  outcomeDocumentContent,
  publicSummary,
  type DocumentContent,
  type DocumentKind,
  type ProcessDefinition,
} from '@onetrip/domain';
import {
  DocumentSigner,
  PersonalDataCipher,
  revokeCaseDocuments,
  revokeEnterpriseDocuments,
  supersedeCaseDocuments,
  supersedeEnterpriseDocuments,
  type DocumentStatusChange,
} from '@onetrip/infrastructure';
import { AppError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { ApiConfig } from '../config/api.config';
import { CaseReader, type CaseRecord } from '../applications/case-reader.service';
import { toCorrectionNotice, toFees } from '../applications/case-view.mapper';
import { TasksRepository } from '../tasks/tasks.repository';
import { DocumentPdfRenderer } from './document-pdf.renderer';
import type { CaseDocumentDto } from './dto/case-document.dto';
import type { DocumentVerifyResponseDto } from './dto/document-verify-response.dto';
import { IssuedDocumentsRepository, type IssuedDocumentRow } from './issued-documents.repository';

// Codes are short enough to type from paper: 16 characters of an alphabet without 0/O, 1/I/L.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newCode(): string {
  return [...randomBytes(16)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface IssuedDocument {
  row: IssuedDocumentRow;
  content: DocumentContent;
}

/**
 * Issues (once per case, kind and version), renders and verifies documents. Other processes end a
 * document's life with `supersede…`/`revoke…` here, or with the same functions from @onetrip/infrastructure
 * inside their own transaction (the worker).
 */
@Injectable()
export class DocumentsService {
  private readonly signer: DocumentSigner | null;

  constructor(
    config: ApiConfig,
    private readonly cipher: PersonalDataCipher,
    private readonly reader: CaseReader,
    private readonly tasks: TasksRepository,
    private readonly documents: IssuedDocumentsRepository,
    private readonly renderer: DocumentPdfRenderer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.signer = config.DOCUMENT_SIGNING_KEYS ? DocumentSigner.parse(config.DOCUMENT_SIGNING_KEYS, config.DOCUMENT_SIGNING_KEY_ID) : null;
    this.baseUrl = config.PUBLIC_BASE_URL || `http://${config.API_HOST}:${config.API_PORT}`;
  }

  private readonly baseUrl: string;

  verifyUrl(code: string): string {
    return `${this.baseUrl}/verify/${code}`;
  }

  private requireSigner(): DocumentSigner {
    if (!this.signer) throw new AppError('DOCUMENTS_UNAVAILABLE', 'No DOCUMENT_SIGNING_KEYS are configured: documents cannot be issued or checked');
    return this.signer;
  }

  /** The completion notice of a case the caller may see, issued on first request. */
  async outcomePdf(user: AuthenticatedUser, caseId: string): Promise<{ code: string; pdf: Buffer }> {
    const record = await this.reader.findVisible(user, caseId);
    const issued = await this.issue(record, 'OUTCOME', 1, (header, definition) => this.outcomeContent(record, definition, header));
    return { code: issued.row.code, pdf: await this.renderer.render(issued.content, this.verifyUrl(issued.row.code)) };
  }

  /** The correction notice of round `round` of a case the caller may see, issued on first request. */
  async correctionPdf(user: AuthenticatedUser, caseId: string, round: number): Promise<{ code: string; pdf: Buffer }> {
    const record = await this.reader.findVisible(user, caseId);
    const issued = await this.issue(record, 'CORRECTION_NOTICE', round, (header, definition) => this.correctionContent(record, definition, round, header));
    return { code: issued.row.code, pdf: await this.renderer.render(issued.content, this.verifyUrl(issued.row.code)) };
  }

  /** The documents a case the caller may see has: its correction notices, and its completion notice once completed. */
  async list(user: AuthenticatedUser, caseId: string): Promise<CaseDocumentDto[]> {
    const record = await this.reader.findVisible(user, caseId);
    const rounds = await this.documents.correctionRounds(record.id);
    const documents: CaseDocumentDto[] = rounds.map((round) => ({ kind: 'CORRECTION_NOTICE', version: round, path: `/cases/${record.id}/corrections/${round}.pdf` }));
    if (record.status === 'COMPLETED' && isRecord(record.outcome)) documents.push({ kind: 'OUTCOME', version: 1, path: `/cases/${record.id}/outcome.pdf` });
    return documents;
  }

  /** Idempotent: a stored document of this case, kind and version is answered as it is (same code, same content). */
  private async issue(
    record: CaseRecord,
    kind: DocumentKind,
    version: number,
    build: (header: { code: string; caseId: string; keyId: string }, definition: ProcessDefinition) => Promise<DocumentContent>,
  ): Promise<IssuedDocument> {
    const signer = this.requireSigner();
    const stored = await this.documents.findFor(record.id, kind, version);
    if (stored) return { row: stored, content: this.open(stored) };
    const definition = await this.reader.definitionOf(record);
    const content = await build({ code: newCode(), caseId: record.id, keyId: signer.activeKeyId }, definition);
    const { signature, contentHash } = signer.sign(content);
    const row = await this.documents.insertOnce({
      code: content.code,
      kind,
      case_id: record.id,
      version,
      content: this.cipher.seal(JSON.stringify(content)),
      content_hash: contentHash,
      signature,
      key_id: content.keyId,
      enterprise_uscc: content.enterprise.uscc,
      issued_at: new Date(content.issuedAt),
    });
    return { row, content: row.code === content.code ? content : this.open(row) };
  }

  private open(row: IssuedDocumentRow): DocumentContent {
    return JSON.parse(this.cipher.open(row.content)) as DocumentContent;
  }

  private async outcomeContent(record: CaseRecord, definition: ProcessDefinition, header: { code: string; caseId: string; keyId: string }): Promise<DocumentContent> {
    if (record.status !== 'COMPLETED' || !isRecord(record.outcome)) throw new AppError('DOCUMENT_NOT_READY', 'The case has no outcome yet: its completion notice is issued once it is completed');
    const rows = await this.tasks.forCases([record.id]);
    const latest = new Map<string, { round: number; outputs: Record<string, unknown> }>();
    for (const row of rows) {
      if (row.status !== 'DONE') continue;
      const current = latest.get(row.step_id);
      if (!current || row.round > current.round) latest.set(row.step_id, { round: row.round, outputs: row.outputs ?? {} });
    }
    // A step skipped after a correction may have finished before it: only what the outcome counts is listed.
    const outputsByStep = Object.fromEntries([...latest.entries()].map(([stepId, task]) => [stepId, task.outputs]));
    return outcomeDocumentContent(
      { ...header, issuedAt: (record.completedAt ?? new Date()).toISOString() },
      { definition, outcome: record.outcome, outputsByStep, fees: toFees(record.fees) },
    );
  }

  private async correctionContent(
    record: CaseRecord,
    definition: ProcessDefinition,
    round: number,
    header: { code: string; caseId: string; keyId: string },
  ): Promise<DocumentContent> {
    const notice = await this.documents.correctionNotice(record.id, round);
    const parsed = notice ? toCorrectionNotice(notice.payload, round) : undefined;
    if (!notice || !parsed) throw new AppError('DOCUMENT_NOT_READY', `The case has no correction notice of round ${round}`);
    const form = record.form as unknown;
    const company = isRecord(form) && isRecord(form.company) ? form.company : {};
    const outcomeName = isRecord(record.outcome) && typeof record.outcome.enterpriseName === 'string' ? record.outcome.enterpriseName : null;
    return correctionDocumentContent(
      { ...header, issuedAt: notice.createdAt.toISOString() },
      { definition, round, items: parsed.items, enterpriseName: outcomeName ?? (typeof company.name === 'string' ? company.name : null) },
    );
  }

  /** Public: the document's status, after checking its stored content's hash and Ed25519 signature. No personal data. */
  async verify(code: string): Promise<DocumentVerifyResponseDto> {
    const signer = this.requireSigner();
    const row = await this.documents.find(code);
    if (!row) throw new AppError('NOT_FOUND', 'No document has this code');
    let content: DocumentContent;
    try {
      content = this.open(row);
    } catch {
      return { code, status: 'INVALID', invalidReason: 'CONTENT_UNREADABLE', keyId: row.key_id };
    }
    // The key id, code and kind are part of what is signed: a row pointing elsewhere does not check.
    const check = content.code === row.code && content.keyId === row.key_id && content.kind === row.kind ? signer.check(content, row.signature, row.content_hash) : { ok: false as const, reason: 'SIGNATURE_INVALID' as const };
    if (!check.ok) return { code, status: 'INVALID', invalidReason: check.reason, keyId: row.key_id };
    const summary = publicSummary(content);
    const answer: DocumentVerifyResponseDto = { code, status: row.status, ...summary, keyId: row.key_id };
    if (row.status_reason) answer.statusReason = row.status_reason;
    if (row.status_changed_at) answer.statusChangedAt = row.status_changed_at.toISOString();
    if (row.superseded_by) answer.supersededBy = row.superseded_by;
    return answer;
  }

  /** A later document replaces the case's completion notice (e.g. a change of the enterprise). */
  supersedeCaseDocuments(caseId: string, change: DocumentStatusChange): Promise<string[]> {
    return supersedeCaseDocuments(this.dataSource, caseId, change);
  }

  /** A change case's completion notice replaces the enterprise's earlier ones (same USCC). */
  supersedeEnterpriseDocuments(uscc: string, change: DocumentStatusChange): Promise<string[]> {
    return supersedeEnterpriseDocuments(this.dataSource, uscc, change);
  }

  /** The enterprise is gone (deregistered): every document naming its USCC is revoked. */
  revokeEnterpriseDocuments(uscc: string, change: DocumentStatusChange): Promise<string[]> {
    return revokeEnterpriseDocuments(this.dataSource, uscc, change);
  }

  revokeCaseDocuments(caseId: string, change: DocumentStatusChange): Promise<string[]> {
    return revokeCaseDocuments(this.dataSource, caseId, change);
  }
}
