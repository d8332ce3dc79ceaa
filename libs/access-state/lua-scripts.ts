import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a script from ./lua once, at module load (the build copies the .lua files next to the JS). */
function load(name: string): string {
  return readFileSync(join(__dirname, 'lua', `${name}.lua`), 'utf8');
}

/** Scripts that name days or months start with the shared clock (ARGV[1] is the clock offset). */
const CLOCK = load('clock');
const withClock = (name: string) => `${CLOCK}\n${load(name)}`;

/** Every script that touches an account's Redis state, by name. Only this library runs them. */
export const LUA = {
  admission: withClock('admission'),
  now: withClock('now'),
  rebuildBegin: withClock('rebuild-begin'),
  rebuildFinish: load('rebuild-finish'),
  unlock: withClock('unlock'),
  setDisabled: load('set-disabled'),
  setPolicies: load('set-policies'),
  raiseGeneration: load('raise-generation'),
  beginAccountWrite: load('begin-account-write'),
  raiseRevision: load('raise-revision'),
  revokeToken: load('revoke-token'),
  reserveTokenSlot: load('reserve-token-slot'),
  usageSnapshot: load('usage-snapshot'),
  usageAck: load('usage-ack'),
  usageInFlight: load('usage-inflight'),
} as const;

export type ScriptName = keyof typeof LUA;
