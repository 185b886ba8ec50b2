// The worker's workflowsPath: every workflow the worker runs is exported here.
export { pingWorkflow } from './ping.workflow';
export { caseWorkflow } from './case.workflow';
export { processWorkflow } from './process.workflow';
