import { PingRecordEntity } from './ping-record.entity';

export { PingRecordEntity };

export const ENTITIES = [PingRecordEntity];
