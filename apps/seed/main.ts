import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEFAULT_SAMPLE, SampleDataService, type SampleOptions } from '@tollgate/sample-data';
import { failWith, prepareProcess } from '@tollgate/runtime';
import { SeedModule } from './seed.module';

/**
 * `npm run seed [-- --companies=N --contacts=N --seed=N]`: loads the sample dataset into an empty
 * database and makes sure the demo account exists. A one-shot command, so it does not use runMain
 * (which keeps a server running until a signal).
 */
const say = (line: string) => process.stdout.write(line + '\n');
const fail = failWith('seed');

function parseArgs(argv: string[]): SampleOptions {
  const options = { ...DEFAULT_SAMPLE };
  for (const arg of argv) {
    const m = /^--(companies|contacts|seed)=(\d{1,10})$/.exec(arg);
    if (!m) fail(`unknown argument ${JSON.stringify(arg)}; usage: seed [--companies=N] [--contacts=N] [--seed=N]`);
    options[m![1] as keyof SampleOptions] = Number(m![2]);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // The API's configuration: its SECRET_PEPPER must match for the printed demo secret to work.
  const config = await prepareProcess('seed', { configRole: 'api' });
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  } catch (err) {
    return fail(`failed to start: ${(err as Error)?.message ?? 'unknown error'}`);
  }
  try {
    const seed = app.get(SampleDataService);
    const dataset = await seed.loadSample(options);
    if (dataset.status === 'loaded') {
      say(
        `sample dataset: loaded ${dataset.companies} companies and ${dataset.contacts} contacts (seed ${dataset.seed}) in ${(dataset.ms / 1000).toFixed(1)} s`,
      );
    } else {
      say(`sample dataset: skipped, ${dataset.reason}`);
    }
    const demo = await seed.ensureDemoAccount();
    if (demo.status === 'created') {
      say(`demo account "${demo.name}" created; its secret is shown only this once:`);
      say(`  clientId:     ${demo.clientId}`);
      say(`  clientSecret: ${demo.clientSecret}`);
      say('try it:');
      say(
        `  TOKEN=$(curl -s -u '${demo.clientId}:${demo.clientSecret}' -d grant_type=client_credentials ${config.publicUrl}/oauth/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')`,
      );
      say(`  curl -H "Authorization: Bearer $TOKEN" '${config.publicUrl}/api/v1/companies?name=summit&pageSize=5'`);
    } else if (demo.status === 'deleted') {
      say(
        `demo account "${demo.name}" was deleted by an operator (deleted names are never reused); create an account with the operator API or the CLI.`,
      );
    } else {
      say(`demo account "${demo.name}" already exists (clientId ${demo.clientId}); its secret cannot be shown again.`);
      say('  to get a new one (and retire the old one at once), rotate it with the operator API:');
      say(
        `  curl -X POST -H "X-Operator-Key: $OPERATOR_KEY" -H 'Content-Type: application/json' -d '{"graceSeconds":0}' ${config.publicUrl}/operator/v1/accounts/${demo.name}/secrets`,
      );
    }
  } catch (err) {
    await app.close().catch(() => undefined);
    return fail(`failed: ${(err as Error)?.message ?? 'unknown error'}`);
  }
  await app.close();
  process.exit(0);
}

void main();
