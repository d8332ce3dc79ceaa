export type { AdmissionResult } from '@tollgate/access-state';
