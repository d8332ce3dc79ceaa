import { createServer } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { Redis } from 'ioredis';
import passport from 'passport';
import { Strategy as BearerStrategy } from 'passport-http-bearer';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { limitsBody } from '../apps/limits-body';
import { PEER_BARE_ROUTE, PEER_BURST_ROUTE, PEER_ROUTE, type PeerPrincipal, runPeer } from './peer-env';

/**
 * Peer 1: Express 5 + passport-http-bearer (token looked up in an in-process map) +
 * rate-limiter-flexible on Redis (`RateLimiterRedis`: one EVALSHA of its own script per request),
 * counted per token, as their READMEs show. The limiter answers 429 with Retry-After and the usual
 * X-RateLimit-* headers on admitted requests.
 */
runPeer('express', async (env) => {
  passport.use(new BearerStrategy((token, done) => done(null, env.tokens.get(token) ?? false)));
  // rate-limiter-flexible's advice for ioredis: no offline queue, so a Redis outage fails fast.
  const redis = new Redis(env.redisUrl, { enableOfflineQueue: false });
  await new Promise<void>((resolve, reject) => {
    redis.once('ready', resolve);
    redis.once('error', reject);
  });

  const limitBy = (limiter: RateLimiterRedis): RequestHandler => {
    return (req: Request, res: Response, next: NextFunction) => {
      const user = req.user as PeerPrincipal;
      limiter.consume(user.tokenId).then(
        (r) => {
          res.set({
            'X-RateLimit-Limit': String(limiter.points),
            'X-RateLimit-Remaining': String(r.remainingPoints),
            'X-RateLimit-Reset': String(Math.ceil((Date.now() + r.msBeforeNext) / 1000)),
          });
          next();
        },
        (r: unknown) => {
          if (!(r instanceof RateLimiterRes)) return next(r);
          res.set('Retry-After', String(Math.max(1, Math.ceil(r.msBeforeNext / 1000))));
          res.status(429).json({ error: 'too_many_requests' });
        },
      );
    };
  };
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${env.keyPrefix}limits`,
    points: env.limit,
    duration: env.windowS,
  });
  const burstLimiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${env.keyPrefix}burst`,
    points: env.burstLimit,
    duration: env.burstWindowS,
  });
  const authenticate = passport.authenticate('bearer', { session: false });

  const app = express();
  app.disable('x-powered-by');
  app.use(passport.initialize());
  app.get(PEER_BARE_ROUTE, (_req, res) => {
    res.json(limitsBody('acc_bare', 'tok_bare', env.limit));
  });
  app.get(PEER_ROUTE, authenticate, limitBy(limiter), (req, res) => {
    const user = req.user as PeerPrincipal;
    res.json(limitsBody(user.accountId, user.tokenId, env.limit));
  });
  app.get(PEER_BURST_ROUTE, authenticate, limitBy(burstLimiter), (req, res) => {
    const user = req.user as PeerPrincipal;
    res.json(limitsBody(user.accountId, user.tokenId, env.burstLimit));
  });

  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(env.port, '127.0.0.1', resolve));
  return {
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
    },
  };
});
