// The bench worker's workflowsPath.
export * from './skeleton.workflow';
