import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditTrail } from '@tollgate/audit';
import { AuthFailuresService } from '@tollgate/auth-failures';
import { Clock } from '@tollgate/clock';
import { DomainError } from '@tollgate/domain-errors';
import type { OperatorIdentity } from '@tollgate/http';
import { OperatorKeyHasher } from './operator-key.hasher';
import { OperatorSessionsRepository } from './operator-sessions.repository';
import type { OperatorSession } from './operator.types';
import { OperatorsService } from './operators.service';

/** A console session lasts a working day, then the operator signs in again. */
export const SESSION_TTL_MS = 8 * 3600_000;
/** `tgcs_` + 43 base64url characters: 256 random bits. */
const SESSION_FORMAT = /^tgcs_[A-Za-z0-9_-]{43}$/;

class WrongOperatorKeyError extends DomainError {
  constructor() {
    super('unauthenticated', 'invalid_operator_key', 'wrong operator key');
  }
}

export interface SignedIn {
  /** The cookie's value: shown to the browser once, stored only as its keyed hash. */
  token: string;
  session: OperatorSession;
  operator: Pick<OperatorIdentity, 'name' | 'role'>;
}

/**
 * Console sessions, kept on the server: the browser holds a random value in an HttpOnly cookie and
 * the store holds its keyed hash, the operator, a CSRF token and the expiry. A session is read from
 * the store on every request (and its operator checked), so signing out, expiry and revoking the
 * operator end it at once on every instance.
 */
@Injectable()
export class OperatorSessionsService {
  private readonly logger = new Logger(OperatorSessionsService.name);

  constructor(
    private readonly sessions: OperatorSessionsRepository,
    private readonly operators: OperatorsService,
    private readonly hasher: OperatorKeyHasher,
    private readonly failures: AuthFailuresService,
    private readonly trail: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /**
   * Signs in with an operator key. Wrong keys are counted per client address and refused past the
   * limit (429, with the failed client authentications of the token endpoints), and each is in the
   * audit log with the address it came from.
   */
  async signIn(key: unknown, address: string | undefined): Promise<SignedIn> {
    const operator = await this.failures.guard(
      address,
      async () => {
        const found = typeof key === 'string' && key.length <= 256 ? await this.operators.authenticateKey(key) : null;
        if (found) return found;
        await this.trail
          .record({
            action: 'operator.sign-in-failed',
            actor: { kind: 'anonymous', name: 'anonymous' },
            target: { type: 'session' },
            detail: { address: address ?? 'unknown' },
          })
          .catch((err: unknown) =>
            this.logger.error({ err: (err as Error)?.message }, 'failed sign-in not recorded in the audit log'),
          );
        throw new WrongOperatorKeyError();
      },
      (err) => err instanceof WrongOperatorKeyError,
    );
    const now = this.clock.now();
    const token = OperatorKeyHasher.generate('tgcs_');
    const session: OperatorSession = {
      id: this.hasher.hash('operator-session', token),
      operatorName: operator.name,
      operatorId: operator.id,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: new Date(now),
      expiresAt: new Date(now + SESSION_TTL_MS),
    };
    await this.sessions.insert(session);
    await this.trail.record({
      action: 'operator.sign-in',
      actor: { kind: 'operator', name: operator.name },
      target: { type: 'session', name: operator.name },
      detail: { address: address ?? 'unknown' },
    });
    return { token, session, operator: { name: operator.name, role: operator.role } };
  }

  /** The live session a cookie value names, with its operator as it is now; null for none, expired or revoked. */
  async resolve(
    token: string,
  ): Promise<{ session: OperatorSession; operator: Pick<OperatorIdentity, 'name' | 'role'> } | null> {
    if (!SESSION_FORMAT.test(token)) return null;
    const session = await this.sessions.findById(this.hasher.hash('operator-session', token));
    if (!session) return null;
    if (session.expiresAt.getTime() <= this.clock.now()) {
      await this.sessions.delete(session.id);
      return null;
    }
    const operator = await this.operators.byRecordId(session.operatorId);
    return operator ? { session, operator } : null;
  }

  /** Ends the session a cookie value names (if any). */
  async signOut(token: string): Promise<boolean> {
    if (!SESSION_FORMAT.test(token)) return false;
    const resolved = await this.resolve(token);
    const ended = await this.sessions.delete(this.hasher.hash('operator-session', token));
    if (ended && resolved)
      await this.trail.record({
        action: 'operator.sign-out',
        actor: { kind: 'operator', name: resolved.operator.name },
        target: { type: 'session', name: resolved.operator.name },
      });
    return ended;
  }

  /** Deletes expired sessions (they are refused as soon as they expire; this only tidies the store). */
  purgeExpired(): Promise<number> {
    return this.sessions.deleteExpired(new Date(this.clock.now()));
  }
}
