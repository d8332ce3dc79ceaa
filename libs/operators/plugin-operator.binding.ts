import { Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { OperatorAuthenticator, usePluginOperatorAuthenticator } from '@tollgate/http';

/**
 * Gives the routes Fastify plugins serve outside Nest (the queue dashboard) the same operator
 * authentication as Nest routes (named keys, console sessions), once the app exists.
 */
@Injectable()
export class PluginOperatorBinding implements OnApplicationBootstrap {
  constructor(
    private readonly authenticator: OperatorAuthenticator,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    const fastify = this.adapterHost?.httpAdapter?.getInstance?.();
    if (fastify) usePluginOperatorAuthenticator(fastify, this.authenticator);
  }
}
