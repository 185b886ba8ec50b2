import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ProcessDefinition, ProcessDefinitionStatus } from '@onetrip/domain/engine/process-definition';
import { ProcessDefinitionEntity } from '@onetrip/infrastructure';

export interface StatusChange {
  entity: ProcessDefinitionEntity;
  /** False when the version already had the status asked for (a retried request). */
  changed: boolean;
  /** Activation: the version that was ACTIVE before and is now RETIRED. */
  retiredVersion?: number;
}

/** The `process_definitions` table: the one place that reads and writes it. */
@Injectable()
export class ProcessDefinitionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ProcessDefinitionEntity);
  }

  /** Runs `work` in one transaction (a status change and its audit row commit together). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  find(key: string, version: number, manager?: EntityManager): Promise<ProcessDefinitionEntity | null> {
    return this.repo(manager).findOne({ where: { key, version } });
  }

  findActive(key: string): Promise<ProcessDefinitionEntity | null> {
    return this.repo().findOne({ where: { key, status: 'ACTIVE' } });
  }

  /** The version number of the key's ACTIVE definition, without its body. */
  async activeVersion(key: string): Promise<number | null> {
    const row = await this.repo().findOne({ where: { key, status: 'ACTIVE' }, select: { version: true } });
    return row?.version ?? null;
  }

  listActive(): Promise<ProcessDefinitionEntity[]> {
    return this.repo().find({ where: { status: 'ACTIVE' }, order: { key: 'ASC' } });
  }

  /** Every version without its body (only the names are read out of it). */
  async listSummaries(): Promise<(Omit<ProcessDefinitionEntity, 'body'> & { name: ProcessDefinition['name'] })[]> {
    const rows = await this.repo()
      .createQueryBuilder('d')
      .select(['d.key', 'd.version', 'd.status', 'd.checksum', 'd.createdById', 'd.createdAt', 'd.activatedAt', 'd.retiredAt'])
      .addSelect(`d.body -> 'name'`, 'name')
      .orderBy('d.key', 'ASC')
      .addOrderBy('d.version', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((entity, index) => ({ ...entity, name: (rows.raw[index] as { name: ProcessDefinition['name'] }).name }));
  }

  /** Inserts a DRAFT unless the key+version exists (ON CONFLICT DO NOTHING); true when this call inserted it. */
  async insertDraft(definition: ProcessDefinition, checksum: string, createdById: string, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ProcessDefinitionEntity)
      // (The body's open JSON Schema parts do not fit TypeORM's deep-partial type; the row is whole.)
      .values({ key: definition.key, version: definition.version, status: 'DRAFT', body: definition, checksum, createdById } as QueryDeepPartialEntity<ProcessDefinitionEntity>)
      .orIgnore()
      .returning(['key'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /**
   * Makes the version ACTIVE and the key's previous ACTIVE version RETIRED, in `manager`'s transaction.
   * Every version of the key is locked first, so two activations of one key run one after the other.
   */
  async activate(key: string, version: number, manager: EntityManager): Promise<StatusChange | null> {
    const versions = await this.repo(manager).find({ where: { key }, lock: { mode: 'pessimistic_write' } });
    const target = versions.find((row) => row.version === version);
    if (!target) return null;
    if (target.status === 'ACTIVE') return { entity: target, changed: false };
    const now = new Date();
    const previous = versions.find((row) => row.status === 'ACTIVE');
    // The previous one first: the one-ACTIVE-per-key index is checked row by row.
    if (previous) await this.repo(manager).update({ key, version: previous.version }, { status: 'RETIRED', retiredAt: now });
    await this.repo(manager).update({ key, version }, { status: 'ACTIVE', activatedAt: now, retiredAt: null });
    return { entity: { ...target, status: 'ACTIVE', activatedAt: now, retiredAt: null }, changed: true, retiredVersion: previous?.version };
  }

  /** DRAFT or ACTIVE → RETIRED, in `manager`'s transaction. */
  async retire(key: string, version: number, manager: EntityManager): Promise<StatusChange | null> {
    const target = await this.repo(manager).findOne({ where: { key, version }, lock: { mode: 'pessimistic_write' } });
    if (!target) return null;
    if (target.status === 'RETIRED') return { entity: target, changed: false };
    const now = new Date();
    await this.repo(manager).update({ key, version }, { status: 'RETIRED', retiredAt: now });
    return { entity: { ...target, status: 'RETIRED' as ProcessDefinitionStatus, retiredAt: now }, changed: true };
  }

  /** True when some stored definition (any status) declares a department with this code. */
  async declaresDepartment(code: string): Promise<boolean> {
    const found = await this.repo()
      .createQueryBuilder('d')
      .where(`d.body -> 'departments' @> :probe::jsonb`, { probe: JSON.stringify([{ code }]) })
      .getExists();
    return found;
  }
}
