import 'reflect-metadata';
import { Controller, Get, Inject, Injectable, Module, Req, UnauthorizedException, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Throttle, ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { Strategy } from 'passport-http-bearer';
import { limitsBody } from '../apps/limits-body';
import { RedisThrottlerStorage } from '../apps/redis-throttler.storage';
import {
  PEER_BARE_ROUTE,
  PEER_BURST_ROUTE,
  PEER_ROUTE,
  type PeerEnv,
  type PeerPrincipal,
  peerEnv,
  runPeer,
} from './peer-env';

/**
 * Peer 3: a Nest 12 app on the Fastify adapter, written the way Nest's docs show it: @nestjs/passport
 * with passport-http-bearer (token looked up in an in-process map), then @nestjs/throttler with a
 * Redis storage (the bench's copy of @nest-lab/throttler-storage-redis, bench/apps), counted per
 * token. Nothing else: no interceptors, filters, logging or metrics (Tollgate's bare route has
 * those, so its added cost is what to compare).
 */
const PEER_ENV = 'PEER_ENV';
const env = peerEnv('nest');

@Injectable()
class MapBearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(@Inject(PEER_ENV) private readonly peer: PeerEnv) {
    super();
  }

  validate(token: string): PeerPrincipal {
    const principal = this.peer.tokens.get(token);
    if (!principal) throw new UnauthorizedException();
    return principal;
  }
}

@Injectable()
class TokenThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return (req.user as PeerPrincipal).tokenId;
  }
}

@Controller()
class PeerController {
  @Get(PEER_BARE_ROUTE.slice(1))
  bare() {
    return limitsBody('acc_bare', 'tok_bare', env.limit);
  }

  @Get(PEER_ROUTE.slice(1))
  @UseGuards(AuthGuard('bearer'), TokenThrottlerGuard)
  limits(@Req() req: { user: PeerPrincipal }) {
    return limitsBody(req.user.accountId, req.user.tokenId, env.limit);
  }

  @Get(PEER_BURST_ROUTE.slice(1))
  @UseGuards(AuthGuard('bearer'), TokenThrottlerGuard)
  @Throttle({ default: { limit: env.burstLimit, ttl: env.burstWindowS * 1000 } })
  burst(@Req() req: { user: PeerPrincipal }) {
    return limitsBody(req.user.accountId, req.user.tokenId, env.burstLimit);
  }
}

@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRoot({
      throttlers: [{ ttl: env.windowS * 1000, limit: env.limit }],
      storage: new RedisThrottlerStorage(env.redisUrl, { keyPrefix: `${env.keyPrefix}` }),
    }),
  ],
  controllers: [PeerController],
  providers: [{ provide: PEER_ENV, useValue: env }, MapBearerStrategy],
})
class PeerModule {}

runPeer('nest', async () => {
  const app = await NestFactory.create<NestFastifyApplication>(PeerModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  await app.listen({ port: env.port, host: '127.0.0.1' });
  return app;
});
