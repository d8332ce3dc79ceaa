import bearerAuth from '@fastify/bearer-auth';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { limitsBody } from '../apps/limits-body';
import { PEER_BARE_ROUTE, PEER_BURST_ROUTE, PEER_ROUTE, type PeerPrincipal } from './peer-env';
import { runPeer } from './peer-env';

type PrincipalRequest = FastifyRequest & { principal: PeerPrincipal | null };

/**
 * Peer 2: Fastify 5 + @fastify/bearer-auth (its `auth` function looks the token up in an in-process
 * map) + @fastify/rate-limit on Redis (one EVALSHA of its own script per request), counted per token.
 * The plain route (`/bare`) is registered outside the protected scope: no hook of either plugin runs
 * on it, so it is Fastify's own cost for the same answer.
 */
runPeer('fastify', async (env) => {
  const app = Fastify({ logger: false });
  const redis = new Redis(env.redisUrl, { enableOfflineQueue: false });
  await new Promise<void>((resolve, reject) => {
    redis.once('ready', resolve);
    redis.once('error', reject);
  });

  app.get(PEER_BARE_ROUTE, async () => limitsBody('acc_bare', 'tok_bare', env.limit));

  await app.register(async (scope) => {
    scope.decorateRequest('principal', null);
    await scope.register(bearerAuth, {
      keys: [],
      auth: (key: string, req: FastifyRequest) => {
        const principal = env.tokens.get(key);
        if (!principal) return false;
        (req as PrincipalRequest).principal = principal;
        return true;
      },
    });
    // Registered after bearer-auth: its hook is added to each route, after the scope's own hooks.
    await scope.register(rateLimit, {
      max: env.limit,
      timeWindow: env.windowS * 1000,
      redis,
      nameSpace: `${env.keyPrefix}rl:`,
      keyGenerator: (req) => (req as PrincipalRequest).principal!.tokenId,
    });
    scope.get(PEER_ROUTE, async (req) => {
      const p = (req as PrincipalRequest).principal!;
      return limitsBody(p.accountId, p.tokenId, env.limit);
    });
    scope.get(
      PEER_BURST_ROUTE,
      { config: { rateLimit: { max: env.burstLimit, timeWindow: env.burstWindowS * 1000 } } },
      async (req) => {
        const p = (req as PrincipalRequest).principal!;
        return limitsBody(p.accountId, p.tokenId, env.burstLimit);
      },
    );
  });

  await app.listen({ port: env.port, host: '127.0.0.1' });
  return {
    close: async () => {
      await app.close();
      redis.disconnect();
    },
  };
});
