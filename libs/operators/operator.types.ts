import type { OperatorRole } from '@tollgate/http';

/** The name of the bootstrap admin, whose key is `OPERATOR_KEY` from the environment (not a record). */
export const ROOT_OPERATOR = 'root';
/** Names that would read as another kind of actor in the audit log, or as the bootstrap admin. */
export const RESERVED_OPERATOR_NAMES = [ROOT_OPERATOR, 'cli', 'anonymous', 'system', 'client'];
export const OPERATOR_NAME = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

/** A named operator as the library sees it (never its key or the key's hash). */
export interface Operator {
  /** The record's id: the keyed hash of its key. Internal; never shown. */
  keyHash: string;
  name: string;
  role: OperatorRole;
  createdAt: Date;
  createdBy: string;
}

/** An operator as listed: the bootstrap admin is listed too, marked. */
export interface OperatorView {
  name: string;
  role: OperatorRole;
  createdAt: string | null;
  createdBy: string | null;
  bootstrap: boolean;
}

/** A console session as stored: found by the keyed hash of its cookie value. */
export interface OperatorSession {
  id: string;
  operatorName: string;
  /** The operator record's id (`root` for the bootstrap admin): the session lives only while it does. */
  operatorId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}
