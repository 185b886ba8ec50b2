import { Injectable } from '@nestjs/common';
import { definitionChecksum } from '@onetrip/domain/engine/definition-checksum';
import { validateDefinition } from '@onetrip/domain/engine/definition-validator';
import type { ProcessDefinition } from '@onetrip/domain/engine/process-definition';
import { STEP_KIND_KEYS } from '@onetrip/domain/step-kinds/step-kind-registry';
import type { ProcessDefinitionEntity } from '@onetrip/infrastructure';
import { AuditLogService } from '../audit/audit-log.service';
import { AppError, DefinitionInvalidError } from '../common/app-error';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { ProcessCatalogDto, ProcessDefinitionViewDto, ProcessVersionListDto } from './dto/process-definition-response.dto';
import { ProcessDefinitionsRepository, type StatusChange } from './process-definitions.repository';
import { StoredDefinitionCache, type StoredProcessDefinition } from './stored-definition-cache';

export type { StoredProcessDefinition } from './stored-definition-cache';

const toView = (entity: ProcessDefinitionEntity): ProcessDefinitionViewDto => ({
  key: entity.key,
  version: entity.version,
  status: entity.status,
  checksum: entity.checksum,
  definition: entity.body,
});

const notFound = (key: string, version?: number): AppError =>
  new AppError('NOT_FOUND', version === undefined ? `No active version of process ${key}` : `No version ${version} of process ${key}`);

/** Versioned process definitions: the catalog, the admin's upload/activate/retire, and the engine's lookups. */
@Injectable()
export class ProcessDefinitionsService {
  private readonly cache: StoredDefinitionCache;
  /** The ACTIVE version of each key as last read (see active()). */
  private readonly activeVersions = new Map<string, number>();

  constructor(
    private readonly definitions: ProcessDefinitionsRepository,
    private readonly audit: AuditLogService,
  ) {
    this.cache = new StoredDefinitionCache(async (key, version) => {
      const entity = await this.definitions.find(key, version);
      return entity && { key: entity.key, version: entity.version, checksum: entity.checksum, definition: entity.body };
    });
  }

  /**
   * The key's ACTIVE version (a new case pins it); 404 when the key has none. Which version that is, is kept
   * from the last read: an activation or retirement through this process forgets it, and one through another
   * process is caught where it matters, by the case's INSERT (CasesRepository.insert), whose caller then asks
   * again with `fresh`.
   */
  async active(key: string, options: { fresh?: boolean } = {}): Promise<StoredProcessDefinition> {
    let version = options.fresh ? undefined : this.activeVersions.get(key);
    if (version === undefined) {
      const read = await this.definitions.activeVersion(key);
      if (read === null) {
        this.activeVersions.delete(key);
        throw notFound(key);
      }
      version = read;
      this.activeVersions.set(key, version);
    }
    return this.version(key, version);
  }

  /** A stored version of any status (a running case finishes on its own); cached for good once read. */
  async version(key: string, version: number): Promise<StoredProcessDefinition> {
    const stored = await this.cache.get(key, version);
    if (!stored) throw notFound(key, version);
    return stored;
  }

  /** True when some stored definition declares the department (a clerk may only belong to such a one). */
  declaresDepartment(code: string): Promise<boolean> {
    return this.definitions.declaresDepartment(code);
  }

  async catalog(): Promise<ProcessCatalogDto> {
    return { items: (await this.definitions.listActive()).map(toView) };
  }

  /** A version a case can be pinned to (ACTIVE or RETIRED); a DRAFT is the admins' business only. */
  async publicView(key: string, version: number): Promise<ProcessDefinitionViewDto> {
    const entity = await this.definitions.find(key, version);
    if (!entity || entity.status === 'DRAFT') throw notFound(key, version);
    return toView(entity);
  }

  async adminView(key: string, version: number): Promise<ProcessDefinitionViewDto> {
    const entity = await this.definitions.find(key, version);
    if (!entity) throw notFound(key, version);
    return toView(entity);
  }

  async adminList(): Promise<ProcessVersionListDto> {
    const rows = await this.definitions.listSummaries();
    return {
      items: rows.map((row) => ({
        key: row.key,
        version: row.version,
        status: row.status,
        checksum: row.checksum,
        name: row.name,
        createdAt: row.createdAt.toISOString(),
        activatedAt: row.activatedAt?.toISOString(),
        retiredAt: row.retiredAt?.toISOString(),
      })),
    };
  }

  /**
   * Validates and stores a DRAFT. The same document again gives back the stored version (`created`
   * false, nothing written); another document under a stored key+version is refused (409).
   */
  async upload(user: AuthenticatedUser, document: unknown): Promise<{ created: boolean; view: ProcessDefinitionViewDto }> {
    const definition = this.validated(document);
    const checksum = definitionChecksum(definition);
    const created = await this.definitions.transaction(async (manager) => {
      // Two uploads racing: the insert decides, the loser finds the winner's row below.
      const inserted = await this.definitions.insertDraft(definition, checksum, user.id, manager);
      if (inserted) await this.audit.record({ actor: user, action: 'PROCESS_UPLOAD', details: { key: definition.key, version: definition.version, checksum } }, manager);
      return inserted;
    });
    const stored = await this.definitions.find(definition.key, definition.version);
    if (!stored) throw notFound(definition.key, definition.version); // retired and removed meanwhile: cannot happen today (no delete)
    if (stored.checksum !== checksum) {
      throw new AppError('PROCESS_VERSION_EXISTS', `Version ${definition.version} of ${definition.key} is stored with another body: upload it as a new version`);
    }
    return { created, view: toView(stored) };
  }

  /** DRAFT or RETIRED (a rollback) → ACTIVE; the key's previous ACTIVE version → RETIRED in the same transaction. */
  async activate(user: AuthenticatedUser, key: string, version: number): Promise<ProcessDefinitionViewDto> {
    const entity = await this.definitions.find(key, version);
    if (!entity) throw notFound(key, version);
    // Checked again: the step kinds registered may have changed since the upload (a deploy in between).
    this.validated(entity.body);
    const change = await this.definitions.transaction(async (manager) => {
      const result = await this.definitions.activate(key, version, manager);
      if (result?.changed) await this.audit.record({ actor: user, action: 'PROCESS_ACTIVATE', details: { key, version, retiredVersion: result.retiredVersion ?? null } }, manager);
      return result;
    });
    this.activeVersions.delete(key);
    return this.changed(change, key, version);
  }

  /** DRAFT or ACTIVE → RETIRED: no new case is filed under it; running cases finish on it. */
  async retire(user: AuthenticatedUser, key: string, version: number): Promise<ProcessDefinitionViewDto> {
    const change = await this.definitions.transaction(async (manager) => {
      const result = await this.definitions.retire(key, version, manager);
      if (result?.changed) await this.audit.record({ actor: user, action: 'PROCESS_RETIRE', details: { key, version } }, manager);
      return result;
    });
    this.activeVersions.delete(key);
    return this.changed(change, key, version);
  }

  private changed(change: StatusChange | null, key: string, version: number): ProcessDefinitionViewDto {
    if (!change) throw notFound(key, version);
    return toView(change.entity);
  }

  private validated(document: unknown): ProcessDefinition {
    const { definition, problems } = validateDefinition(document, STEP_KIND_KEYS);
    if (!definition || problems.length > 0) throw new DefinitionInvalidError(problems.length ? problems : [{ path: '$', code: 'INVALID', message: 'is not a process definition' }]);
    return definition;
  }
}
