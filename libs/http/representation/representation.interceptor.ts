import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { isDataApiRoute, matchedRoute } from '../access/route-registry';
import { markHandlerEntered } from '../request-effects';
import { renderBody } from './representation';

const XML_ROOT = 'tollgate:xml-root';

/** Names the XML root element of a handler's response (default `response`). */
export const XmlRoot = (name: string) => SetMetadata(XML_ROOT, name);

/** The XML root element a handler's answers use (for the OpenAPI document, which states it). */
export function xmlRootOf(reflector: Reflector, handler: object, controller: object): string {
  return reflector.getAllAndOverride<string>(XML_ROOT, [handler as Function, controller as Function]) ?? 'response';
}

/**
 * The one serializer of every data API (`/api/v1` route) response: JSON by default, XML for `Accept:
 * application/xml`. Routes return plain data and never format it themselves.
 */
@Injectable()
export class RepresentationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    // Every route of the API passes this interceptor after its guards admitted it: from here on the
    // request may have effects (marked here rather than in an interceptor of its own, which would add
    // a step to every request for one flag).
    markHandlerEntered(req);
    if (!isDataApiRoute(matchedRoute(req))) return next.handle();
    const root = xmlRootOf(this.reflector, context.getHandler(), context.getClass());
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body) => {
        if (body === undefined || reply.statusCode === 204) return body;
        const rendered = renderBody(body, req.headers.accept, root);
        reply.type(rendered.type);
        return rendered.payload;
      }),
    );
  }
}
