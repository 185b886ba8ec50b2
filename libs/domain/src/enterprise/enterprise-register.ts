import type { ApplicationForm, CompanyAddress, EntityType, LegalRepresentative, SealKind, Shareholder } from '../application/application-form';
import { DomainError } from '../errors/domain-error';

// 市场主体登记簿: the register of enterprises. An opening creates a record; a lifecycle case (change,
// deregistration) acts on one. The register changes only when a case completes, atomically with its
// outcome (the worker's completion write); the rules here are pure so the API, the worker and a unit
// test share them.

export const ENTERPRISE_STATUSES = ['ACTIVE', 'CHANGING', 'DEREGISTERING', 'DEREGISTERED'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

/** What a lifecycle definition does to the enterprise it names (`ProcessDefinition.enterprise.effect`). */
export const ENTERPRISE_EFFECTS = ['CHANGE', 'DEREGISTER'] as const;
export type EnterpriseEffect = (typeof ENTERPRISE_EFFECTS)[number];

/** The status an enterprise shows while a case of that effect is in flight. */
export const IN_FLIGHT_STATUS: Readonly<Record<EnterpriseEffect, EnterpriseStatus>> = { CHANGE: 'CHANGING', DEREGISTER: 'DEREGISTERING' };

export interface EnterpriseSeal {
  kind: SealKind | string;
  /** The PSB filing code (印章备案码). */
  code: string;
}

export interface EnterpriseBankAccount {
  bankCode: string;
  bankName: string;
  branch: string;
  accountNumber: string;
}

/** The facts the register holds of one enterprise. ID numbers and mobiles in here are sealed at rest. */
export interface EnterpriseFacts {
  uscc: string;
  name: string;
  entityType: EntityType | string;
  address: CompanyAddress;
  legalRepresentative: LegalRepresentative;
  registeredCapital: string;
  businessScope: string[];
  shareholders: Shareholder[];
  seals: EnterpriseSeal[];
  taxpayerId: string | null;
  socialInsuranceNumber: string | null;
  bankAccount: EnterpriseBankAccount | null;
  licenceNumber: string | null;
  /** 1 at opening; each change registration issues a new edition (the USCC never changes). */
  licenceEdition: number;
}

/** The parts of a change form (`changes`) a change case may carry; absent: unchanged. */
export interface EnterpriseChanges {
  name?: string;
  address?: CompanyAddress;
  legalRepresentative?: LegalRepresentative;
  capital?: { registeredCapital: string; shareholders: Shareholder[] };
  businessScope?: string[];
}

export type ChangedFact = 'name' | 'address' | 'legalRepresentative' | 'capital' | 'businessScope';
export const CHANGED_FACTS: readonly ChangedFact[] = ['name', 'address', 'legalRepresentative', 'capital', 'businessScope'];

/** Refusals of a lifecycle filing; the API maps the code to its HTTP status (403, 404, 409). */
export class EnterpriseRegisterError extends DomainError {}

export const ENTERPRISE_NOT_FOUND = 'ENTERPRISE_NOT_FOUND';
export const ENTERPRISE_NOT_REPRESENTATIVE = 'ENTERPRISE_NOT_REPRESENTATIVE';
export const ENTERPRISE_NOT_ACTIVE = 'ENTERPRISE_NOT_ACTIVE';
export const ENTERPRISE_CASE_IN_FLIGHT = 'ENTERPRISE_CASE_IN_FLIGHT';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The register record an opening creates, from its form and outcome (caseWorkflow's and processWorkflow's are the same shape). */
export function openingFacts(form: ApplicationForm, outcome: Readonly<Record<string, unknown>>): EnterpriseFacts {
  const seals = Array.isArray(outcome.seals) ? (outcome.seals as { kind: string; code: string }[]) : [];
  const tax = isObject(outcome.tax) ? outcome.tax : {};
  const social = isObject(outcome.socialInsurance) ? outcome.socialInsurance : {};
  const bank = isObject(outcome.bankAccount) ? outcome.bankAccount : {};
  const accountNumber = text(bank.accountNumber);
  return {
    uscc: String(outcome.uscc),
    name: text(outcome.enterpriseName) ?? form.company.name,
    entityType: form.company.entityType,
    address: form.company.address,
    legalRepresentative: form.legalRepresentative,
    registeredCapital: form.company.registeredCapital,
    businessScope: form.company.businessScope,
    shareholders: form.shareholders,
    seals: seals.map((seal) => ({ kind: seal.kind, code: seal.code })),
    taxpayerId: text(tax.taxpayerId),
    socialInsuranceNumber: text(social.registrationNumber),
    bankAccount: accountNumber
      ? { bankCode: text(bank.bankCode) ?? '', bankName: text(bank.bankName) ?? '', branch: text(bank.branch) ?? '', accountNumber }
      : null,
    licenceNumber: text(outcome.licenseNumber),
    licenceEdition: 1,
  };
}

/** Which facts a change form changes, in a fixed order (the `when` conditions of the definition read the same paths). */
export function changedFacts(changes: EnterpriseChanges | undefined): ChangedFact[] {
  if (!changes) return [];
  return CHANGED_FACTS.filter((fact) => changes[fact] !== undefined && changes[fact] !== null);
}

/**
 * The register after a completed change: the form's changes, the new licence edition SAMR issued, and the
 * seals PSB re-carved (when it ran). Answers also what the outcome adds: the facts changed and the filings cancelled.
 */
export function applyChange(
  current: EnterpriseFacts,
  changes: EnterpriseChanges,
  outcome: Readonly<Record<string, unknown>>,
): { facts: EnterpriseFacts; changed: ChangedFact[]; cancelledSeals: EnterpriseSeal[]; recarvedSeals: EnterpriseSeal[] } {
  const changed = changedFacts(changes);
  const next: EnterpriseFacts = { ...current };
  if (changes.name !== undefined) next.name = text(outcome.enterpriseName) ?? changes.name;
  if (changes.address !== undefined) next.address = changes.address;
  if (changes.legalRepresentative !== undefined) next.legalRepresentative = changes.legalRepresentative;
  if (changes.capital !== undefined) {
    next.registeredCapital = changes.capital.registeredCapital;
    next.shareholders = changes.capital.shareholders;
  }
  if (changes.businessScope !== undefined) next.businessScope = changes.businessScope;
  next.licenceNumber = text(outcome.licenseNumber) ?? current.licenceNumber;
  next.licenceEdition = typeof outcome.licenceEdition === 'number' ? outcome.licenceEdition : current.licenceEdition + 1;
  let cancelledSeals: EnterpriseSeal[] = [];
  let recarvedSeals: EnterpriseSeal[] = [];
  if (Array.isArray(outcome.seals) && outcome.seals.length > 0) {
    // PSB re-carves every kind; the enterprise keeps the kinds it had (all of them if it had none on record).
    const had = new Set(current.seals.map((seal) => seal.kind));
    recarvedSeals = (outcome.seals as { kind: string; code: string }[])
      .filter((seal) => had.size === 0 || had.has(seal.kind))
      .map((seal) => ({ kind: seal.kind, code: seal.code }));
    cancelledSeals = current.seals;
    next.seals = recarvedSeals;
  }
  return { facts: next, changed, cancelledSeals, recarvedSeals };
}

/** Who may file a lifecycle case: the legal representative (the ID number given matches the register's), in person or through a window clerk. */
export function checkRepresentative(registered: Pick<LegalRepresentative, 'idNumber'>, givenIdNumber: string): void {
  if (registered.idNumber.toUpperCase() !== givenIdNumber.trim().toUpperCase()) {
    throw new EnterpriseRegisterError(ENTERPRISE_NOT_REPRESENTATIVE, 'Only the legal representative of the enterprise (or a window clerk on their behalf) may file this');
  }
}

/** Why a lifecycle filing cannot take the enterprise: another case in flight, or it is no longer active. */
export function checkFileable(status: EnterpriseStatus): void {
  if (status === 'CHANGING' || status === 'DEREGISTERING') {
    throw new EnterpriseRegisterError(ENTERPRISE_CASE_IN_FLIGHT, 'Another change or deregistration of this enterprise is in progress');
  }
  if (status !== 'ACTIVE') throw new EnterpriseRegisterError(ENTERPRISE_NOT_ACTIVE, 'The enterprise is not active (deregistered)');
}
