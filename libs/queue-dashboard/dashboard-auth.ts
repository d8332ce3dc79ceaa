import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { isOperatorKey } from '@tollgate/credentials';

export const DASHBOARD_ROUTE = '/operator/queues';

/** The operator key from `X-Operator-Key`, or as the password of HTTP Basic (so a browser can log in). */
function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['x-operator-key'];
  if (typeof header === 'string') return header;
  const auth = headers.authorization;
  if (typeof auth !== 'string' || !/^basic /i.test(auth)) return undefined;
  const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}

/**
 * The dashboard's routes come from a Fastify plugin, outside Nest's guards, so the operator key is
 * checked in a Fastify hook for every request under the dashboard's path.
 */
@Injectable()
export class DashboardAuth implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith(DASHBOARD_ROUTE)) return;
      if (isOperatorKey(this.config, presentedKey(request.headers))) return;
      await reply
        .code(401)
        .header('www-authenticate', 'Basic realm="tollgate-operator"')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ error: 'operator_key_required', message: 'the queue dashboard needs the operator key (X-Operator-Key, or as the Basic password)' }));
    });
  }
}
