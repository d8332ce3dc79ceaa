export {
  AccountField,
  accountKey,
  accountStateKey,
  activeTokensKey,
  relayQueueKey,
  tokenLockoutsKey,
  tokenStateKey,
  usageBaseKey,
  usageDirtyKey,
  usageEventsKey,
  usageInFlightKey,
  usageKeyPrefix,
} from './access-keys';
export {
  type AccessPeriod,
  type AccessRecord,
  AccessRecordSource,
  type AccountPolicies,
  type CreditRule,
  NOTHING_USED,
  type QuotaRule,
  type QuotaWaiver,
  type UsedInPeriods,
  type WindowRule,
} from './access-record';
export {
  AccessScripts,
  type InFlightJob,
  type PreparedAdmission,
  type RebuildState,
  REVOCATION_MARGIN_MS,
  type TokenSlotOutcome,
  type TokenSlotRequest,
  type TokenSlotResult,
  type UsageSnapshot,
} from './access-scripts';
export { AccessStateEvents } from './access-state.events';
export { AccessStateModule } from './access-state.module';
export { AccessStateRebuilder } from './access-state.rebuilder';
export { AccessStateStore, newEpoch } from './access-state.store';
export {
  type AdmissionRequest,
  type AdmissionResult,
  type LimitVisitor,
  parseAdmission,
  type WindowState,
} from './admission.types';
export { periodOf, policyFields, waiverSpecs } from './quota-specs';
