// @onetrip/domain: the rules of "one thing, one trip" enterprise opening, shared by the API, the
// workflows and the web pages. Plain TypeScript, deterministic: time and randomness come in as arguments.

export * from './errors/domain-error';

export * from './calendar/calendar-date';
export * from './calendar/working-calendar';

export * from './identifiers/resident-id';
export * from './identifiers/uscc';
export * from './identifiers/mobile';
export * from './identifiers/uuid';

export * from './accounts/walk-in-confirmation';

export * from './privacy/masking';
export * from './privacy/personal-data-detector';

export * from './money/money';
export * from './money/fee-ledger';

export * from './application/application-form';
export * from './application/enterprise-name';
export * from './application/industry-vocabulary';
export * from './application/divisions';
export * from './application/name-folding';
export * from './application/application-rules';
export * from './application/application-form-limits';
export * from './application/sample-application';

export * from './departments/departments';
export * from './departments/banks';
export * from './departments/department-outputs';
export * from './departments/output-rules';
export * from './departments/auto-decision';

export * from './case/case-status';
export * from './case/correction-notice';

export * from './delivery/delivery';

export * from './enterprise/enterprise-register';

export * from './engine/process-definition';
export * from './engine/form-paths';
export * from './engine/json-schema/formats';
export * from './engine/json-schema/schema-validator';
export * from './engine/conditions';
export * from './engine/form-rules';
export * from './engine/definition-validator';
export * from './engine/fees';
export * from './engine/definition-checksum';
export * from './processes/shipped-definitions';
export * from './step-kinds/step-kind';
export * from './step-kinds/public-notice.kind';
export * from './step-kinds/step-kind-registry';
export * from './step-kinds/step-output-problems';
export * from './step-kinds/system-decision';
// engine/process-graph is imported by path: its generic stepsToReopen would clash with the case's one here.
export * from './engine/outcome';
export * from './engine/form-check';
export * from './engine/form-layout';

export * from './documents/document-content';
export * from './engine/field-display';
export * from './engine/form-masking';
export * from './engine/step-form-view';

export * from './notifications/notification-channels';
export * from './notifications/notification-templates';
export * from './notifications/delivery-backoff';
