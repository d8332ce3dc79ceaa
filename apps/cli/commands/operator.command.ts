import { Injectable } from '@nestjs/common';
import { CommandRunner, Option } from 'nest-commander';
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

  protected output(options: OutputOptions, json: unknown, forPeople: () => void): void {
    if (options.json) printJson(json);
    else forPeople();
  }
}
