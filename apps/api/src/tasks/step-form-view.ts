// The step's part of the form lives in the domain: the clerk's page and a department's own system see the same part.
export { stepFlags, stepFormView, stepReads, type StepFormView } from '@onetrip/domain';
