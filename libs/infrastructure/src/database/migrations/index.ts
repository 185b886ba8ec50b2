import { CreatePingRecords1764300000000 } from './1764300000000-create-ping-records';
import { CreateCaseTables1764400000000 } from './1764400000000-create-case-tables';

// In order; never edit one once committed, add a new one.
export const MIGRATIONS = [CreatePingRecords1764300000000, CreateCaseTables1764400000000];
