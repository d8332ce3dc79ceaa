import { toXml } from './xml';

export type Representation = 'json' | 'xml';

/**
 * JSON by default; XML when the client asks for it first (InsideView's clients expect both). Only
 * the media types are compared: `application/xml` or `text/xml` preferred over JSON by order or q.
 */
export function negotiate(accept: string | undefined): Representation {
  if (!accept) return 'json';
  let best: { type: Representation; q: number; index: number } | undefined;
  accept.split(',').forEach((part, index) => {
    const [mediaRaw, ...params] = part.trim().split(';');
    const media = mediaRaw.trim().toLowerCase();
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) return;
    const type: Representation | undefined =
      media === 'application/xml' || media === 'text/xml'
        ? 'xml'
        : media === 'application/json' || media === '*/*' || media === 'application/*'
          ? 'json'
          : undefined;
    if (!type) return;
    if (!best || q > best.q) best = { type, q, index };
  });
  return best?.type ?? 'json';
}

/** The body in the negotiated representation, with its content type. */
export function renderBody(
  body: unknown,
  accept: string | undefined,
  xmlRoot: string,
): { type: string; payload: string } {
  return negotiate(accept) === 'xml'
    ? { type: 'application/xml; charset=utf-8', payload: toXml(xmlRoot, body) }
    : { type: 'application/json; charset=utf-8', payload: JSON.stringify(body) };
}
