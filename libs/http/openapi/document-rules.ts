import type { OpenAPIObject } from '@nestjs/swagger';
import type { AccessKind } from '../access/route-access';
import type { DocumentedRoute } from './documented-routes';
import {
  ApiLimitedBody,
  CreditsExhaustedBody,
  BurstLimitedBody,
  ErrorBody,
  QuotaExceededBody,
  ThrottledBody,
  TooManyFailuresBody,
  ValidationErrorBody,
} from './error-bodies';
import {
  ACCESS_TOKEN_HEADER_SCHEME,
  CONSOLE_SESSION_SCHEME,
  NOT_APPLIED_HEADER,
  OAUTH2_SCHEME,
  OPERATOR_KEY_SCHEME,
} from './schemes';

// An OpenAPI document is walked as the JSON it is: any shape at any depth.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;
type Operation = {
  parameters?: Schema[];
  requestBody?: Schema;
  responses?: Record<string, Schema>;
  security?: Record<string, string[]>[];
};

const DAY = '(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])';

/**
 * Rules the API enforces on parameters declared with bare `@ApiQuery`/`@Param` in controllers
 * (which carry no constraints of their own), stated here so the document matches the code; each
 * names the check that enforces it. Patterns describe a subset of what is accepted, never more.
 */
const PARAMETER_RULES: Record<string, Schema> = {
  // ListAlertsQuery: IsISO8601 strict, IsInt 1..10000 and 1..200, the account id or name pattern.
  'query since': {
    type: 'string',
    pattern: `^${DAY}(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,3})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$`,
  },
  'query account': { type: 'string', pattern: '^[A-Za-z0-9_-]{3,64}$' },
  // Operator paths: an account id (`acc_…`) or name (a-z 0-9 -, 3-64), a token id (`tok_…`); any other
  // value names nothing (404), and a long one is refused before any route (the router's parameter limit).
  'path idOrName': { type: 'string', pattern: '^[A-Za-z0-9_-]{3,64}$' },
  'path tokenId': { type: 'string', pattern: '^[A-Za-z0-9_-]{3,64}$' },
  // OperatorsService: operator names; ConsoleController: compiled asset names.
  'path name': { type: 'string', pattern: '^[a-z][a-z0-9-]{1,30}[a-z0-9]$' },
  'path file': { type: 'string', pattern: '^[A-Za-z0-9._-]{1,128}$' },
  // parseUsageQuery: period, and start/end in the period's format (hour, day, month or year).
  'query period': { type: 'string', enum: ['hour', 'day', 'month', 'year'] },
  'query start': {
    type: 'string',
    pattern: '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]))?)?)?$',
  },
  'query end': {
    type: 'string',
    pattern: '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8])(T([01][0-9]|2[0-3]))?)?)?$',
  },
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
  grantType: { type: 'string', enum: ['cred'] },
};

/** Query parameters a route requires although its decorator does not say so (usage; InsideView's token endpoint). */
const REQUIRED_QUERY = new Set(['period', 'start', 'end', 'clientId', 'clientSecret', 'grantType']);

function visitSchemas(
  doc: OpenAPIObject,
  schema: Schema | undefined,
  seen: Set<Schema>,
  visit: (s: Schema) => void,
): void {
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

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ 'application/json': { schema } });
const retryAfter = {
  'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
};
const notApplied = {
  [NOT_APPLIED_HEADER]: {
    description:
      '`false` when the request was refused before it could have any effect (safe to retry, whatever the method)',
    schema: { type: 'string', enum: ['false'] },
  },
};
const rateLimitHeaders = {
  RateLimit: {
    description:
      'draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1`',
    schema: { type: 'string' },
  },
  'RateLimit-Policy': {
    description:
      'every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1`',
    schema: { type: 'string' },
  },
  'Tollgate-Throttle-Warning': {
    description: 'present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>`',
    schema: { type: 'string' },
  },
};
const requestId = {
  'X-Request-Id': {
    description: 'the request id (yours when sent and sane); quote it when reporting a problem',
    schema: { type: 'string' },
  },
};

/** The refusals every route of an access kind can give, whatever its handler does. */
function refusalsOf(kind: AccessKind): Record<string, Schema> {
  const unavailable = {
    description:
      'A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy)',
    headers: { ...retryAfter, ...notApplied },
    content: json(ref(ErrorBody.name)),
  };
  const invalid = {
    description:
      'Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`)',
    content: json({ anyOf: [ref(ValidationErrorBody.name), ref(ErrorBody.name)] }),
  };
  if (kind === 'operator') {
    return {
      '400': invalid,
      '401': {
        description: 'Missing or wrong operator key, or no live console session (`operator_key_required`)',
        content: json(ref(ErrorBody.name)),
      },
      '403': {
        description:
          'A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`)',
        content: json(ref(ErrorBody.name)),
      },
      '503': unavailable,
    };
  }
  if (kind === 'bearer') {
    const challenge = {
      'WWW-Authenticate': {
        description: 'RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]`',
        schema: { type: 'string' },
      },
    };
    return {
      '400': invalid,
      '401': {
        description: 'Missing, invalid, expired or revoked token; the account disabled',
        headers: challenge,
        content: json(ref(ErrorBody.name)),
      },
      '403': {
        description:
          "The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect)",
        headers: challenge,
        content: json(ref(ErrorBody.name)),
      },
      '429': {
        description:
          "Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`.",
        headers: { ...retryAfter, ...rateLimitHeaders },
        // anyOf: the bodies share ErrorBody's fields, so one answer can match more than one of them.
        content: json({
          anyOf: [
            ref(ThrottledBody.name),
            ref(QuotaExceededBody.name),
            ref(TooManyFailuresBody.name),
            ref(BurstLimitedBody.name),
            ref(ApiLimitedBody.name),
            ref(CreditsExhaustedBody.name),
          ],
        }),
      },
      '503': unavailable,
    };
  }
  return {};
}

/** The documented routes by `method path`. */
const keyOf = (method: string, path: string) => `${method} ${path}`;

/**
 * Makes the generated document state the rules the code enforces, where the decorators alone
 * cannot:
 * - security from each route's access metadata (the one the guard reads): a bearer route needs the
 *   oauth2 scheme with all its scopes as ONE requirement (or the same token in InsideView's
 *   `accessToken` header), an operator route the operator key; public routes keep what their
 *   decorators say (client authentication on the OAuth endpoints) or none;
 * - the refusals each kind of route can give (401/403/429/503, 400 on input, 404 for a path naming a
 *   resource, 409 for writes that can collide, 413/415 for bodies, 500 for the unexpected), each with
 *   its schema, and the rate-limit headers on every answer of a bearer route;
 * - XML beside JSON for every answer of the data API (`/api/v1`), under the route's root element;
 * - request bodies admit no property they do not declare (the validation pipe refuses unknown
 *   fields, and the token endpoints refuse unknown parameters), and bare parameters get their rules.
 * Returns every scope a route requires, for the oauth2 scheme's list.
 */
export function applyDocumentRules(doc: OpenAPIObject, routes: DocumentedRoute[]): Map<string, string[]> {
  const byKey = new Map(routes.map((r) => [keyOf(r.method, r.path), r]));
  const scopes = new Map<string, string[]>();
  const closed = new Set<Schema>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      const route = byKey.get(keyOf(method, path));
      if (!route)
        throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is documented but no controller declares it`);
      for (const media of Object.values(op.requestBody?.content ?? {}) as Schema[]) {
        visitSchemas(doc, media.schema, closed, (s) => {
          // A map (`additionalProperties` a schema, such as an account's metadata) keeps its rule.
          if ((s.type === 'object' || s.properties) && s.additionalProperties === undefined)
            s.additionalProperties = false;
          for (const [name, rule] of Object.entries(FORM_FIELD_RULES))
            if (s.properties?.[name]) s.properties[name] = { ...s.properties[name], ...rule };
        });
      }
      for (const param of op.parameters ?? []) {
        const key = `${param.in} ${param.name}`;
        const rule = PATH_PARAMETER_RULES[path]?.[key] ?? PARAMETER_RULES[key];
        if (rule) param.schema = { ...rule, ...(param.schema?.enum ? { enum: param.schema.enum } : {}) };
        if (param.in === 'query' && REQUIRED_QUERY.has(param.name)) param.required = true;
      }

      const { kind } = route.access;
      if (kind === 'bearer') {
        op.security = [{ [OAUTH2_SCHEME]: [...route.access.scopes] }, { [ACCESS_TOKEN_HEADER_SCHEME]: [] }];
        for (const scope of route.access.scopes)
          scopes.set(scope, [...(scopes.get(scope) ?? []), `${method.toUpperCase()} ${path}`]);
      } else if (kind === 'operator') {
        op.security = [{ [OPERATOR_KEY_SCHEME]: [] }, { [CONSOLE_SESSION_SCHEME]: [] }];
      } else {
        op.security ??= [];
      }

      const responses = op.responses;
      const add = (status: string, response: Schema) => {
        responses[status] ??= response;
      };
      for (const [status, response] of Object.entries(refusalsOf(kind))) add(status, response);
      const oauth = /^\/(oauth|Auth)\//.test(path);
      // A path naming a resource, or an operator filter naming an account (`account=`), can name none.
      const namesAccount =
        kind === 'operator' && (op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'account');
      if (path.includes('{') || namesAccount)
        add('404', { description: 'No such resource', content: json(ref(ErrorBody.name)) });
      if (['post', 'put', 'patch', 'delete'].includes(method) && /^\/(api|operator)\//.test(path))
        add('409', {
          description: 'Conflicts with the current state (a name, domain or email in use; a company with contacts)',
          content: json(ref(ErrorBody.name)),
        });
      if (op.requestBody && !oauth) {
        add('413', {
          description: 'Body larger than the limit (`payload_too_large`)',
          content: json(ref(ErrorBody.name)),
        });
        add('415', {
          description: 'Body of a content type this route does not take (`unsupported_media_type`)',
          content: json(ref(ErrorBody.name)),
        });
      }
      add('500', {
        description: 'Unexpected error (`internal_error`): no detail, only the request id to quote',
        content: json(ref(ErrorBody.name)),
      });

      for (const [status, response] of Object.entries(responses)) {
        response.headers = {
          ...requestId,
          ...(kind === 'bearer' && status.startsWith('2') ? rateLimitHeaders : {}),
          ...response.headers,
        };
        const schema = response.content?.['application/json']?.schema;
        if (route.path.startsWith('/api/v1/') && schema) {
          // One serializer renders every data API answer, errors included, as XML for Accept: application/xml.
          response.content['application/xml'] = {
            schema: { allOf: [schema], xml: { name: status.startsWith('2') ? route.xmlRoot : 'error' } },
          };
        }
      }
    }
  }
  return scopes;
}
