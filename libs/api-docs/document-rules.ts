import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorBody } from './error-bodies';

type Schema = Record<string, any>;
type Operation = { parameters?: Schema[]; requestBody?: Schema; responses?: Record<string, Schema>; security?: Record<string, string[]>[] };

const DAY = '(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])';

/**
 * Rules the API enforces on parameters declared with bare `@ApiQuery`/`@Param` in controllers
 * (which carry no constraints of their own), stated here so the document matches the code; each
 * names the check that enforces it. Patterns describe a subset of what is accepted, never more.
 */
const PARAMETER_RULES: Record<string, Schema> = {
  // ListAlertsQuery: IsISO8601 strict, IsInt 1..10000 and 1..200, the account id or name pattern.
  'query since': { type: 'string', pattern: `^${DAY}(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,3})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$` },
  'query account': { type: 'string', pattern: '^[A-Za-z0-9_-]{3,64}$' },
  // parseUsageQuery: period, and start/end in the period's format (day shown; month and year too).
  'query period': { type: 'string', enum: ['day', 'month', 'year'] },
  'query start': { type: 'string', pattern: '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?$' },
  'query end': { type: 'string', pattern: '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?$' },
  // The InsideView token endpoint: singleParams (strings of at most 1024 characters).
  'query clientId': { type: 'string', minLength: 1, maxLength: 1024 },
  'query clientSecret': { type: 'string', minLength: 1, maxLength: 1024 },
};

/** Rules of one path's parameters, where the same name means different things on different routes. */
const ALERT_PAGING: Record<string, Schema> = {
  // ListAlertsQuery: IsInt 1..10000 and 1..200.
  'query page': { type: 'integer', minimum: 1, maximum: 10_000 },
  'query pageSize': { type: 'integer', minimum: 1, maximum: 200 },
};
const PATH_PARAMETER_RULES: Record<string, Record<string, Schema>> = {
  '/api/v1/admin/alerts': ALERT_PAGING,
  '/operator/v1/alerts': ALERT_PAGING,
};

/** Form fields of the token endpoints whose values are fixed by the RFCs. */
const FORM_FIELD_RULES: Record<string, Schema> = {
  grant_type: { type: 'string', enum: ['client_credentials'] },
};

/** Query parameters a route requires although its decorator does not say so (usage; InsideView's token endpoint). */
const REQUIRED_QUERY = new Set(['period', 'start', 'end', 'clientId', 'clientSecret', 'grantType']);

function visitSchemas(doc: OpenAPIObject, schema: Schema | undefined, seen: Set<Schema>, visit: (s: Schema) => void): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return visitSchemas(doc, doc.components?.schemas?.[name] as Schema, seen, visit);
  }
  visit(schema);
  for (const key of ['items', 'additionalProperties']) visitSchemas(doc, schema[key], seen, visit);
  for (const key of ['allOf', 'oneOf', 'anyOf']) for (const s of schema[key] ?? []) visitSchemas(doc, s, seen, visit);
  for (const s of Object.values(schema.properties ?? {})) visitSchemas(doc, s as Schema, seen, visit);
}

const errorRef = { $ref: `#/components/schemas/${ErrorBody.name}` };

/**
 * Makes the generated document state the rules the code enforces, where the decorators alone
 * cannot: request bodies admit no property they do not declare (the validation pipe refuses unknown
 * fields, and the token endpoints refuse unknown parameters), the bare parameters above get their
 * rules, and the refusals every route of a kind can give are listed (404 for a path naming a
 * resource, 409 for writes that can collide, 401 for operator routes).
 */
export function applyDocumentRules(doc: OpenAPIObject): OpenAPIObject {
  const closed = new Set<Schema>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      for (const media of Object.values(op.requestBody?.content ?? {}) as Schema[]) {
        visitSchemas(doc, media.schema, closed, (s) => {
          if (s.type === 'object' || s.properties) s.additionalProperties = false;
          for (const [name, rule] of Object.entries(FORM_FIELD_RULES)) if (s.properties?.[name]) s.properties[name] = { ...s.properties[name], ...rule };
        });
      }
      for (const param of op.parameters ?? []) {
        const key = `${param.in} ${param.name}`;
        const rule = PATH_PARAMETER_RULES[path]?.[key] ?? PARAMETER_RULES[key];
        if (rule) param.schema = { ...rule, ...(param.schema?.enum ? { enum: param.schema.enum } : {}) };
        if (param.in === 'query' && REQUIRED_QUERY.has(param.name)) param.required = true;
      }
      const responses = op.responses;
      const add = (status: string, description: string) => {
        responses[status] ??= { description, content: { 'application/json': { schema: errorRef } } };
      };
      if (path.includes('{')) add('404', 'No such resource');
      if (['post', 'put', 'patch', 'delete'].includes(method) && /^\/(api|operator)\//.test(path)) add('409', 'Conflicts with the current state (a name, domain or email in use; a company with contacts)');
      if (op.security?.some((s) => 'operatorKey' in s)) add('401', 'Missing or wrong operator key');
    }
  }
  return doc;
}
