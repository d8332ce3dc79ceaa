/** The generated module's text for an OpenAPI document (a parsed object). */
export function generateTypes(document: unknown): Promise<string>;
