// Masking by personal-data paths lives in the domain (engine/form-masking.ts), beside the step's view of the form.
export { maskFormAt } from '@onetrip/domain';
