import { CreatePingRecords1764300000000 } from './1764300000000-create-ping-records';
import { CreateCaseTables1764400000000 } from './1764400000000-create-case-tables';
import { AddCaseFlags1764500000000 } from './1764500000000-add-case-flags';
import { AddSupervision1764600000000 } from './1764600000000-add-supervision';
import { AddRateLimitCounters1764700000000 } from './1764700000000-add-rate-limit-counters';
import { AddRefreshTokens1764810000000 } from './1764810000000-add-refresh-tokens';
import { AddFoldedRegisteredNames1764820000000 } from './1764820000000-add-folded-registered-names';
import { AddProcessDefinitions1764900000000 } from './1764900000000-add-process-definitions';
import { AddEnterpriseRegister1765000000000 } from './1765000000000-add-enterprise-register';
import { AddPublicNotices1765100000000 } from './1765100000000-add-public-notices';
import { AddIssuedDocuments1765200000000 } from './1765200000000-add-issued-documents';
import { AddDepartmentSystems1765300000000 } from './1765300000000-add-department-systems';
import { AddNotificationDeliveries1765310000000 } from './1765310000000-add-notification-deliveries';
import { AddCaseEvents1765320000000 } from './1765320000000-add-case-events';
import { AddCorrectionPreviousValues1765330000000 } from './1765330000000-add-correction-previous-values';
import { AddWalkInConfirmations1765385000000 } from './1765385000000-add-walk-in-confirmations';
import { AddMailShipments1765386000000 } from './1765386000000-add-mail-shipments';

// In order; never edit one once committed, add a new one.
export const MIGRATIONS = [
  CreatePingRecords1764300000000,
  CreateCaseTables1764400000000,
  AddCaseFlags1764500000000,
  AddSupervision1764600000000,
  AddRateLimitCounters1764700000000,
  AddRefreshTokens1764810000000,
  AddFoldedRegisteredNames1764820000000,
  AddProcessDefinitions1764900000000,
  AddEnterpriseRegister1765000000000,
  AddPublicNotices1765100000000,
  AddIssuedDocuments1765200000000,
  AddDepartmentSystems1765300000000,
  AddNotificationDeliveries1765310000000,
  AddCaseEvents1765320000000,
  AddCorrectionPreviousValues1765330000000,
  AddWalkInConfirmations1765385000000,
  AddMailShipments1765386000000,
];
