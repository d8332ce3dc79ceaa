import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '@tollgate/domain-errors';

const NUL = '\u0000';

/**
 * Refuses a NUL character (U+0000) anywhere in a body, query or path value, or in a key, with 400
 * `validation_failed` naming each field. No field of the API has a use for it, and the store's
 * PostgreSQL backend fails any query or write that carries one: without this the answer was a 500.
 * Runs before the validation pipe, on what the handler's @Body/@Query/@Param receive.
 */
@Injectable()
export class NulCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const fields: { field: string; problems: string[] }[] = [];
    const visit = (v: unknown, path: string, depth: number): void => {
      if (typeof v === 'string') {
        if (v.includes(NUL))
          fields.push({
            field: path || metadata.data || metadata.type,
            problems: [`${path || metadata.data || metadata.type} must not contain NUL characters`],
          });
      } else if (v && typeof v === 'object' && depth < 100) {
        for (const [k, child] of Object.entries(v)) {
          const name = path ? `${path}.${k}` : k;
          if (k.includes(NUL)) fields.push({ field: name, problems: ['field names must not contain NUL characters'] });
          visit(child, name, depth + 1);
        }
      }
    };
    visit(value, metadata.data ?? '', 0);
    if (fields.length) throw new ValidationFailedError(fields);
    return value;
  }
}
