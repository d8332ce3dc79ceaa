import { createHash } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PassportStrategy } from '@nestjs/passport';
import type { Model } from 'mongoose';
import { Strategy } from 'passport-http-bearer';
import { BaselineToken } from './baseline-token.schema';

/** Its own passport name and Mongo connection, so it shares nothing with the product's `bearer`. */
export const BASELINE_STRATEGY = 'baseline-bearer';
export const BASELINE_CONNECTION = 'baseline';

export interface BaselineUser {
  accountId: string;
  tokenHash: string;
  scopes: string[];
}

/**
 * The textbook Nest bearer strategy: hash the presented token and look it up in Mongo on every
 * request (one Mongo round trip per request, no cache). `lean()` is the one courtesy we give it:
 * it skips mongoose document hydration, so the baseline is not slower than it has to be.
 */
@Injectable()
export class BaselineBearerStrategy extends PassportStrategy(Strategy, BASELINE_STRATEGY) {
  constructor(@InjectModel(BaselineToken.name, BASELINE_CONNECTION) private readonly tokens: Model<BaselineToken>) {
    super();
  }

  async validate(token: string): Promise<BaselineUser> {
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const record = await this.tokens.findOne({ tokenHash }).lean().exec();
    if (!record || record.expiresAt.getTime() <= Date.now()) throw new UnauthorizedException();
    return { accountId: record.accountId, tokenHash, scopes: record.scopes };
  }
}
