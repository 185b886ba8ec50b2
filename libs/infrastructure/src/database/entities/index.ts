import { CaseEntity } from './case.entity';
import { PingRecordEntity } from './ping-record.entity';
import { TaskEntity } from './task.entity';
import { UserEntity } from './user.entity';

export { CaseEntity, PingRecordEntity, TaskEntity, UserEntity };
export type { UserRole } from './user.entity';

export const ENTITIES = [PingRecordEntity, UserEntity, CaseEntity, TaskEntity];
