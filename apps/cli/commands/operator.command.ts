import { Injectable } from '@nestjs/common';
import { CommandRunner, Option } from 'nest-commander';
import { AuditedChanges } from '@tollgate/audit';
import type { AuditSpec } from '@tollgate/http';
import { printJson } from '../output';
import { ServicesContext } from '../services.context';

export interface OutputOptions {
  json?: boolean;
}

/** A command that calls lib services and prints either a table (people) or `--json` (scripts). */
@Injectable()
export abstract class OperatorCommand extends CommandRunner {
  constructor(protected readonly services: ServicesContext) {
    super();
  }

  @Option({ flags: '--json', description: 'print one JSON document instead of a table' })
  parseJson(): boolean {
    return true;
  }

  /**
   * Runs a change and records it in the audit log as the API's routes are recorded (by `cli:<OS
   * user>`): the account `key` names is read before and after, and the changed fields kept.
   */
  protected async audited<T>(
    spec: Omit<AuditSpec, 'param'>,
    key: string | undefined,
    change: () => Promise<T>,
  ): Promise<T> {
    return (await this.services.get(AuditedChanges)).run(spec, key, change);
  }

  protected output(options: OutputOptions, json: unknown, forPeople: () => void): void {
    if (options.json) printJson(json);
    else forPeople();
  }
}
