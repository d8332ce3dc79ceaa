import { OAuthError, ValidationFailedError } from '@tollgate/domain-errors';

/** Deeper than any body a route accepts (ours nest three levels), far below what breaks a recursive walk. */
export const MAX_JSON_DEPTH = 64;
/** More keys in one object than any DTO declares (the widest has ten). */
export const MAX_KEYS_PER_OBJECT = 100;
/** All keys of a document: an account's 100 quotas of five fields each fit, with room. */
export const MAX_KEYS_TOTAL = 1_000;

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const COLON = 0x3a; // :

/**
 * Why a JSON text is refused before it is parsed, or undefined. One pass over the bytes, outside
 * strings: nesting depth, and keys per object (a colon directly inside an object is one key) and in
 * all. Run before JSON.parse so a 5,000-level document or 9,000 unknown keys never reach the
 * recursive steps after it (prototype-poisoning scan, class-transformer, class-validator), whose
 * cost or stack depth grows with them. Malformed text is left to JSON.parse to name.
 */
export function jsonShapeProblem(body: Buffer): string | undefined {
  // keysAt[d] counts the keys of the object open at depth d, or is -1 when depth d is an array.
  const keysAt: number[] = [];
  let total = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (keysAt.length >= MAX_JSON_DEPTH) return `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`;
        keysAt.push(c === OPEN_OBJECT ? 0 : -1);
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        keysAt.pop();
        break;
      case COLON: {
        const d = keysAt.length - 1;
        if (d >= 0 && keysAt[d] >= 0) {
          if (++keysAt[d] > MAX_KEYS_PER_OBJECT)
            return `an object of the JSON body has more than ${MAX_KEYS_PER_OBJECT} keys`;
          if (++total > MAX_KEYS_TOTAL) return `the JSON body has more than ${MAX_KEYS_TOTAL} keys`;
        }
        break;
      }
    }
  }
  return undefined;
}

type Done = (err: Error | null, body?: unknown) => void;
type DefaultParser = (req: unknown, body: Buffer, done: Done) => void;
type ParsedRequest = { routeOptions?: { url?: string } };

/**
 * The OAuth endpoints (RFC 6749 5.2) answer every bad request as `invalid_request`; decided by the
 * route Fastify matched, never by the URL as sent.
 */
const OAUTH_ROUTE = /^\/(oauth|Auth\/login)\//;

/**
 * The API's `application/json` parser: the shape checks above, then Fastify's own parser (which
 * refuses `__proto__` and `constructor.prototype` keys). Every refusal is a 400 in the documented
 * validation shape (`fields` names `body`), or `invalid_request` on the OAuth endpoints.
 */
export function jsonBodyParser(defaultParser: DefaultParser) {
  return (req: ParsedRequest, body: Buffer, done: Done): void => {
    const refuse = (problem: string) =>
      done(
        OAUTH_ROUTE.test(req.routeOptions?.url ?? '')
          ? new OAuthError('invalid_request', problem)
          : new ValidationFailedError([{ field: 'body', problems: [problem] }]),
      );
    if (body.length === 0) return refuse('the JSON body is empty');
    const problem = jsonShapeProblem(body);
    if (problem) return refuse(problem);
    defaultParser(req, body, (err, parsed) => (err ? refuse('the body is not valid JSON') : done(null, parsed)));
  };
}
