import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditContext, AuditTrail } from '@tollgate/audit';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { ConflictError, NotFoundError, ValidationFailedError } from '@tollgate/domain-errors';
import { isOperatorKey, OPERATOR_ROLES, type OperatorRole } from '@tollgate/http';
import { ChangeFeed, FeedCache } from '@tollgate/persistence';
import { OperatorKeyHasher } from './operator-key.hasher';
import { OperatorSessionsRepository } from './operator-sessions.repository';
import {
  type Operator,
  OPERATOR_NAME,
  type OperatorView,
  RESERVED_OPERATOR_NAMES,
  ROOT_OPERATOR,
} from './operator.types';
import { OperatorsRepository } from './operators.repository';

/** `tgo_` + 43 base64url characters: 256 random bits. Anything else is no key and is not looked up. */
const OPERATOR_KEY_FORMAT = /^tgo_[A-Za-z0-9_-]{43}$/;
/** The change feed topic of operator records (keyed by the record's id, the key's hash). */
const OPERATORS_TOPIC = 'operators';
/**
 * How long this process may answer a key from memory. The change feed drops a copy the moment an
 * operator is revoked anywhere (and every copy while the feed is not live, when the store answers);
 * this bound only matters if a revocation could not be announced (Redis away at that moment).
 */
const COPY_MAX_AGE_MS = 10_000;

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/**
 * Named operators: records in Mongo, each with a role and a key shown once. The bootstrap admin
 * `root` is `OPERATOR_KEY` from the environment, not a record. Every change is in the audit log.
 */
@Injectable()
export class OperatorsService {
  private readonly logger = new Logger(OperatorsService.name);
  private readonly copies: FeedCache<Operator | null>;

  constructor(
    private readonly operators: OperatorsRepository,
    private readonly sessions: OperatorSessionsRepository,
    private readonly hasher: OperatorKeyHasher,
    private readonly trail: AuditTrail,
    private readonly clock: Clock,
    private readonly feed: ChangeFeed,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {
    this.copies = new FeedCache(feed, OPERATORS_TOPIC, 1000, COPY_MAX_AGE_MS);
  }

  /** Creates an operator; the answer is the only place its key appears. */
  async create(name: string, role: OperatorRole): Promise<{ operator: OperatorView; key: string }> {
    const problems = [
      ...(typeof name !== 'string' || !OPERATOR_NAME.test(name)
        ? [{ field: 'name', problems: ['name must be 3 to 32 of a-z 0-9 -, starting with a letter'] }]
        : []),
      ...(!OPERATOR_ROLES.includes(role)
        ? [{ field: 'role', problems: [`role must be one of ${OPERATOR_ROLES.join(', ')}`] }]
        : []),
    ];
    if (problems.length) throw new ValidationFailedError(problems);
    if (RESERVED_OPERATOR_NAMES.includes(name))
      throw new ConflictError('operator_exists', `operator name ${JSON.stringify(name)} is reserved`);
    const key = OperatorKeyHasher.generate('tgo_');
    const createdBy = AuditContext.current()?.actor.name ?? (this.config.role === 'cli' ? 'cli' : 'system');
    const operator: Operator = {
      keyHash: this.hasher.hash('operator-key', key),
      name,
      role,
      createdAt: new Date(this.clock.now()),
      createdBy,
    };
    try {
      await this.operators.insert(operator);
    } catch (err) {
      if (isDuplicateKey(err))
        throw new ConflictError('operator_exists', `an operator named ${JSON.stringify(name)} exists`);
      throw err;
    }
    await this.feed.publish(OPERATORS_TOPIC, operator.keyHash);
    await this.trail.record({
      action: 'operator.create',
      target: { type: 'operator', id: name, name },
      changes: [
        { field: 'name', before: null, after: name },
        { field: 'role', before: null, after: role },
      ],
    });
    this.logger.log({ name, role }, 'operator created');
    return { operator: view(operator), key };
  }

  async list(): Promise<OperatorView[]> {
    const named = (await this.operators.list()).map(view);
    return [{ name: ROOT_OPERATOR, role: 'admin', createdAt: null, createdBy: null, bootstrap: true }, ...named];
  }

  /** Removes an operator: its key stops working and its console sessions end, on every instance, before this returns. */
  async revoke(name: string): Promise<{ operator: OperatorView; sessionsEnded: number }> {
    // A conflict with how the stack is set up, not bad input: root's key is OPERATOR_KEY itself.
    if (name === ROOT_OPERATOR)
      throw new ConflictError(
        'bootstrap_operator',
        'root is the bootstrap admin (OPERATOR_KEY): change the environment to replace its key',
      );
    const operator =
      typeof name === 'string' && OPERATOR_NAME.test(name) ? await this.operators.findByName(name) : null;
    if (!operator) throw new NotFoundError('operator', name);
    // Record first, then sessions, then every process's copy: from here on neither the key nor a
    // session of this operator is accepted anywhere (sessions are read from the store per request).
    await this.operators.delete(operator.keyHash);
    const sessionsEnded = await this.sessions.deleteByOperator(operator.name);
    await this.feed.publish(OPERATORS_TOPIC, operator.keyHash);
    await this.trail.record({
      action: 'operator.revoke',
      target: { type: 'operator', id: operator.name, name: operator.name },
      changes: [{ field: 'role', before: operator.role, after: null }],
      detail: { sessionsEnded },
    });
    this.logger.log({ name, sessionsEnded }, 'operator revoked');
    return { operator: view(operator), sessionsEnded };
  }

  /**
   * The operator a key belongs to, or null. The bootstrap key is compared in constant time; a named
   * key is one primary-key read of its keyed hash (answered from this process's copy while the change
   * feed vouches for it).
   */
  async authenticateKey(key: string): Promise<(Pick<Operator, 'name' | 'role'> & { id: string }) | null> {
    if (isOperatorKey(this.config, key)) return { id: ROOT_OPERATOR, name: ROOT_OPERATOR, role: 'admin' };
    if (!OPERATOR_KEY_FORMAT.test(key)) return null;
    const found = await this.byId(this.hasher.hash('operator-key', key));
    return found ? { id: found.keyHash, name: found.name, role: found.role } : null;
  }

  /** The operator a session belongs to, if it still exists (the bootstrap admin always does). */
  async byRecordId(id: string): Promise<Pick<Operator, 'name' | 'role'> | null> {
    if (id === ROOT_OPERATOR) return { name: ROOT_OPERATOR, role: 'admin' };
    return this.byId(id);
  }

  private byId(keyHash: string): Promise<Operator | null> {
    return this.copies.get(keyHash, () => this.operators.findByKeyHash(keyHash));
  }
}

function view(operator: Operator): OperatorView {
  return {
    name: operator.name,
    role: operator.role,
    createdAt: operator.createdAt.toISOString(),
    createdBy: operator.createdBy,
    bootstrap: false,
  };
}
