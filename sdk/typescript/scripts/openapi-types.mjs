import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `/**
 * Types of the Tollgate API, generated from its OpenAPI document (/docs/openapi.json) by
 * openapi-typescript. Do not edit: run \`npm run generate -w @tollgate-sdk/client\` against a running
 * API. A test of the repository's suite fails when this file and the live document disagree.
 */

`;

/** The generated module's text for an OpenAPI document (a parsed object). */
export async function generateTypes(document) {
  // The document's server and token URLs depend on where the API runs; types do not.
  const ast = await openapiTS(structuredClone(document), { alphabetize: true });
  return HEADER + astToString(ast);
}
