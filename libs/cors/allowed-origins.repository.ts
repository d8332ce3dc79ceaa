import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/**
 * Reads the `allowedOrigins` of active accounts, and nothing else, from the collection the
 * credentials lib owns. Read-only and through the connection rather than a second mongoose model of
 * `accounts`, which could drift from the real schema or try to build its indexes.
 */
@Injectable()
export class AllowedOriginsRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async allActiveOrigins(): Promise<Set<string>> {
    const docs = await this.connection
      .collection<{ allowedOrigins?: unknown }>('accounts')
      // Runs every 30 s over a small collection; an index would not pay for itself.
      .find({ status: 'active', 'allowedOrigins.0': { $exists: true } }, { projection: { _id: 0, allowedOrigins: 1 } })
      .toArray();
    const origins = new Set<string>();
    for (const doc of docs) {
      if (!Array.isArray(doc.allowedOrigins)) continue;
      for (const o of doc.allowedOrigins) if (typeof o === 'string') origins.add(o.toLowerCase());
    }
    return origins;
  }
}
