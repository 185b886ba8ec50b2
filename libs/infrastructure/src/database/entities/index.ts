import { AuditLogEntity } from './audit-log.entity';
import { CaseEntity } from './case.entity';
import { CorrectionEntity } from './correction.entity';
import { EnterpriseCaseEntity, EnterpriseEntity } from './enterprise.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { PingRecordEntity } from './ping-record.entity';
import { ProcessDefinitionEntity } from './process-definition.entity';
import { TaskEntity } from './task.entity';
import { UserEntity } from './user.entity';

export { AuditLogEntity, CaseEntity, CorrectionEntity, EnterpriseCaseEntity, EnterpriseEntity, IdempotencyKeyEntity, PingRecordEntity, ProcessDefinitionEntity, TaskEntity, UserEntity };
export type { CorrectionStatus } from './correction.entity';
export type { UserRole } from './user.entity';

export const ENTITIES = [PingRecordEntity, UserEntity, CaseEntity, TaskEntity, IdempotencyKeyEntity, CorrectionEntity, AuditLogEntity, ProcessDefinitionEntity, EnterpriseEntity, EnterpriseCaseEntity];
