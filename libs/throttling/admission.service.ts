import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig, } from '@tollgate/config';
import { accountStateKey } from '@tollgate/credentials';
import { REDIS, type RedisClient } from '@tollgate/persistence';
import { type Principal, tokenStateKey } from '@tollgate/tokens';
import { usageDirtyKey, usageEventsKey, usageKeyPrefix } from '@tollgate/usage';
import { ADMISSION_LUA } from './admission.lua';
import { tokenLockoutsKey } from './lockouts.service';
import { type AdmissionResult, parseAdmission } from './admission.types';

type AdmitCommand = (...args: string[]) => Promise<string[]>;

/** Runs the admission script: one EVALSHA per request (ioredis falls back to EVAL once after a restart). */
@Injectable()
export class AdmissionService {
  private readonly admitCommand: AdmitCommand;

  constructor(
    @Inject(REDIS) redis: RedisClient,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
    private readonly clock: Clock,
  ) {
    if (!('tollgateAdmit' in redis)) redis.defineCommand('tollgateAdmit', { numberOfKeys: 5, lua: ADMISSION_LUA });
    const command = (redis as unknown as { tollgateAdmit: AdmitCommand }).tollgateAdmit;
    this.admitCommand = command.bind(redis);
  }

  async admit(principal: Principal, api: string): Promise<AdmissionResult> {
    const s = this.scriptArgs(principal);
    const raw = await this.admitCommand(s[0], s[1], s[2], s[3], s[12], String(this.clock.offsetMs), s[4], s[5], api, s[6], s[7], s[8], s[9], s[10], s[11]);
    return parseAdmission(raw);
  }

  /** A principal's keys and policy arguments never change, so they are built once per cached principal. */
  private readonly argsByPrincipal = new WeakMap<Principal, string[]>();

  private scriptArgs(principal: Principal): string[] {
    let args = this.argsByPrincipal.get(principal);
    if (!args) {
      const p = this.config.redisPrefix;
      const a = principal.accountId;
      const t = principal.throttle;
      args = [
        accountStateKey(p, a),
        tokenStateKey(p, a, principal.tokenId),
        usageDirtyKey(p, a),
        usageEventsKey(p, a),
        principal.tokenId,
        String(principal.generation),
        String(t.limit),
        String(t.periodSeconds * 1000),
        String(t.lockoutSeconds * 1000),
        t.scope,
        t.warnAt.join(','),
        usageKeyPrefix(p, a),
        tokenLockoutsKey(p, a),
      ];
      this.argsByPrincipal.set(principal, args);
    }
    return args;
  }
}
