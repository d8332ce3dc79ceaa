import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface ConsoleFile {
  body: Buffer;
  type: string;
}

/**
 * The console's compiled files (`npm run build` puts them in `dist/console`), read once into memory:
 * a few hundred kilobytes. Only files that exist there are served, looked up by exact name, so no
 * path a request spells can reach anything else on disk.
 */
@Injectable()
export class ConsoleAssets {
  private readonly logger = new Logger(ConsoleAssets.name);
  private readonly files = new Map<string, ConsoleFile>();

  constructor() {
    // Beside the compiled server (dist/libs/operator-console → dist/console), or, when the server runs
    // from its sources (tests), the build's output in the checkout.
    const dir = [resolve(__dirname, '../../console'), resolve(__dirname, '../../dist/console')].find((d) =>
      existsSync(join(d, 'index.html')),
    );
    if (!dir) {
      this.logger.warn('the console is not built (npm run build): /console answers 404');
      return;
    }
    const walk = (sub: string) => {
      for (const name of readdirSync(join(dir, sub))) {
        const rel = sub ? `${sub}/${name}` : name;
        if (statSync(join(dir, rel)).isDirectory()) walk(rel);
        else
          this.files.set(rel, {
            body: readFileSync(join(dir, rel)),
            type: TYPES[extname(name)] ?? 'application/octet-stream',
          });
      }
    };
    walk('');
  }

  /** A file by its path under the console's root (`index.html`, `assets/index-1a2b.js`), or undefined. */
  get(path: string): ConsoleFile | undefined {
    return this.files.get(path);
  }
}
