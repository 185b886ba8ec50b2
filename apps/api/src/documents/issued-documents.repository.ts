import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DocumentKind, DocumentStatus } from '@onetrip/domain';

/** An `issued_documents` row; `content` is sealed (pd1:…) canonical JSON. */
export interface IssuedDocumentRow {
  code: string;
  kind: DocumentKind;
  case_id: string;
  version: number;
  content: string;
  content_hash: string;
  signature: string;
  key_id: string;
  status: DocumentStatus;
  status_reason: string | null;
  superseded_by: string | null;
  status_changed_at: Date | null;
  issued_at: Date;
}

export type IssuedDocumentInsert = Pick<IssuedDocumentRow, 'code' | 'kind' | 'case_id' | 'version' | 'content' | 'content_hash' | 'signature' | 'key_id' | 'issued_at'> & {
  enterprise_uscc: string | null;
};

const COLUMNS = 'code, kind, case_id, version, content, content_hash, signature, key_id, status, status_reason, superseded_by, status_changed_at, issued_at';

/** The SQL of `issued_documents`. Status changes go through libs/infrastructure's issued-documents functions. */
@Injectable()
export class IssuedDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(code: string): Promise<IssuedDocumentRow | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM issued_documents WHERE code = $1`, [code])) as IssuedDocumentRow[];
    return row ?? null;
  }

  async findFor(caseId: string, kind: DocumentKind, version: number): Promise<IssuedDocumentRow | null> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM issued_documents WHERE case_id = $1 AND kind = $2 AND version = $3`, [
      caseId,
      kind,
      version,
    ])) as IssuedDocumentRow[];
    return row ?? null;
  }

  /** Inserts unless the case already has this kind and version (two requests racing: the first wins), then reads what is stored. */
  async insertOnce(row: IssuedDocumentInsert): Promise<IssuedDocumentRow> {
    await this.dataSource.query(
      `INSERT INTO issued_documents (code, kind, case_id, version, content, content_hash, signature, key_id, enterprise_uscc, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (case_id, kind, version) DO NOTHING`,
      [row.code, row.kind, row.case_id, row.version, row.content, row.content_hash, row.signature, row.key_id, row.enterprise_uscc, row.issued_at],
    );
    return (await this.findFor(row.case_id, row.kind, row.version))!;
  }

  /** The rounds of the case's correction notices, in order. */
  async correctionRounds(caseId: string): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `SELECT (payload->>'round')::int AS round FROM notifications WHERE case_id = $1 AND kind = 'CORRECTION_NEEDED' ORDER BY 1`,
      [caseId],
    )) as { round: number }[];
    return rows.map((row) => row.round);
  }

  /** The notice of one correction round, as the worker wrote it to the outbox (once per round, never changed). */
  async correctionNotice(caseId: string, round: number): Promise<{ payload: unknown; createdAt: Date } | null> {
    const [row] = (await this.dataSource.query(`SELECT payload, created_at FROM notifications WHERE dedupe_key = $1 AND case_id = $2`, [
      `${caseId}:CORRECTION:${round}`,
      caseId,
    ])) as { payload: unknown; created_at: Date }[];
    return row ? { payload: row.payload, createdAt: row.created_at } : null;
  }
}
