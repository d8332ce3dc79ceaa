import { ApiExtension } from '@nestjs/swagger';
import addFormats from 'ajv-formats';
import OpenAPIBackend, { type Operation } from 'openapi-backend';

/**
 * The response-validation hook of the e2e suite: every response the test client (`http` in
 * ./client.ts) receives from an API is checked against the OpenAPI document that API serves at
 * /docs/openapi.json, and a response the document does not describe fails the test that received it.
 *
 * What is checked, for a request that matches a documented operation:
 * - the status is documented for that operation (exactly, as `4XX`, or as `default`);
 * - a body comes only where the response declares content, with a declared media type;
 * - a JSON body validates against the response's schema (openapi-backend's Ajv validator);
 * - an XML body is an XML document whose root element is the one the schema names.
 *
 * Exemptions, the whole list (each a response no operation of the document can describe):
 * - requests that match no documented operation, when the answer is the router's own `404
 *   not_found` / `405` (a path or method no route serves; tests send those on purpose);
 * - the routes Fastify plugins serve outside the controllers: Swagger UI and the document itself
 *   (`/docs…`), the queue dashboard (`/operator/queues…`), and CORS preflights (`OPTIONS`);
 * - a path with a malformed percent-escape (`%ZZ`), answered 400: the router cannot match it to anything;
 * - origins that serve no document at all (the worker's health and metrics port answers 404 there);
 * - routes of controllers a test file declares as fixtures, marked `@ContractExempt()` (probe routes
 *   that exist to test the guards, not part of the product).
 * A request that matches no operation and gets any other answer fails: an undocumented route.
 */

const EXEMPT = 'x-contract-exempt';

/** Marks a test fixture controller's routes as outside the contract (see the list above). */
export const ContractExempt = (reason: string) => ApiExtension(EXEMPT, reason);

interface Contract {
  api: OpenAPIBackend;
  doc: Record<string, any>;
}

const contracts = new Map<string, Promise<Contract | undefined>>();

async function contractOf(origin: string): Promise<Contract | undefined> {
  let found = contracts.get(origin);
  if (!found) {
    found = (async () => {
      // Plain fetch: the document itself is exempt (it is not an operation of itself).
      const res = await fetch(`${origin}/docs/openapi.json`);
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw new Error(`contract check: ${origin}/docs/openapi.json answered ${res.status}`);
      const doc = (await res.json()) as Record<string, any>;
      // The document as served, validated by the dedicated test (openapi.e2e-spec); here only its operations.
      const api = new OpenAPIBackend({
        definition: structuredClone(doc) as never,
        quick: true,
        strict: false,
        ignoreTrailingSlashes: false,
        // Formats (date-time, uri) are part of the contract too.
        customizeAjv: (ajv) => (addFormats(ajv), ajv),
      });
      await api.init();
      return { api, doc };
    })();
    contracts.set(origin, found);
    // A failed fetch (the API not up yet) is not remembered: the next response tries again.
    found.catch(() => contracts.delete(origin));
  }
  return found;
}

const PLUGIN_ROUTES = [/^\/docs(\/|$)/, /^\/operator\/queues(\/|$)/];

export interface ReceivedResponse {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/** Throws an Error describing how the response departs from the document; returns when it conforms or is exempt. */
export async function checkResponseAgainstContract(url: string, method: string, res: ReceivedResponse): Promise<void> {
  const { origin, pathname } = new URL(url);
  const verb = method.toUpperCase();
  if (verb === 'OPTIONS' || PLUGIN_ROUTES.some((r) => r.test(pathname))) return;
  const contract = await contractOf(origin);
  if (!contract) return;
  const where = `${verb} ${pathname} → ${res.status}`;
  // The router decodes escapes of unreserved characters before matching (`/%61pi/v1/…` is
  // `/api/v1/…`); an escaped `?` or `/` stays part of a segment, as it does there.
  const path = pathname.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9._~-]/.test(c) ? c : escape;
  });
  const operation = contract.api.router.matchOperation({ method: verb.toLowerCase(), path, headers: {}, query: {} });
  if (!operation) {
    const code = (res.body as { error?: unknown } | undefined)?.error;
    if ((res.status === 404 && code === 'not_found') || res.status === 405) return;
    if (res.status === 400 && /%(?![0-9A-Fa-f]{2})/.test(pathname)) return;
    throw new Error(`contract: ${where}: no documented operation for this request, yet it was answered`);
  }
  if ((operation as Record<string, unknown>)[EXEMPT]) return;
  const responses = (operation.responses ?? {}) as Record<
    string,
    { content?: Record<string, { schema?: Record<string, any> }> }
  >;
  const declared = responses[String(res.status)] ?? responses[`${Math.floor(res.status / 100)}XX`] ?? responses.default;
  if (!declared)
    throw new Error(
      `contract: ${where}: status ${res.status} is not documented for ${operation.operationId} (documented: ${Object.keys(responses).join(', ')})`,
    );
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!res.text) {
    if (declared.content && contentType && !declared.content[contentType])
      throw new Error(
        `contract: ${where}: content type ${contentType} is not documented (documented: ${Object.keys(declared.content).join(', ')})`,
      );
    return;
  }
  if (!declared.content)
    throw new Error(
      `contract: ${where}: a body (${contentType || 'no content type'}) where the document declares none`,
    );
  const media = declared.content[contentType];
  if (!media)
    throw new Error(
      `contract: ${where}: content type ${contentType || '(none)'} is not documented (documented: ${Object.keys(declared.content).join(', ')})`,
    );
  if (contentType === 'application/json') {
    const result = contract.api.validator.validateResponse(res.body, operation as Operation, res.status);
    if (result.errors?.length) {
      const problems = result.errors
        .map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`)
        .join('; ');
      throw new Error(
        `contract: ${where}: body does not match the documented schema: ${problems}\nbody: ${res.text.slice(0, 500)}`,
      );
    }
  } else if (contentType === 'application/xml' || contentType === 'text/xml') {
    const root = /^<\?xml[^>]*\?>\s*<([A-Za-z_][\w.-]*)/.exec(res.text)?.[1];
    if (!root) throw new Error(`contract: ${where}: not an XML document: ${res.text.slice(0, 200)}`);
    const expected = xmlRootOf(media.schema, contract.doc);
    if (expected && root !== expected)
      throw new Error(`contract: ${where}: XML root element <${root}>, documented <${expected}>`);
  }
}

/** The root element name the schema declares (`xml.name`, on it or on what it refers to). */
function xmlRootOf(schema: Record<string, any> | undefined, doc: Record<string, any>): string | undefined {
  if (!schema) return undefined;
  if (schema.xml?.name) return schema.xml.name;
  if (typeof schema.$ref === 'string') return xmlRootOf(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc);
  return undefined;
}
