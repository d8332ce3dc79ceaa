import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { handlerAccess, type RouteAccess } from '../access/route-access';
import { xmlRootOf } from '../representation/representation.interceptor';

/** One route a controller declares, with what the guards and the serializer read from its metadata. */
export interface DocumentedRoute {
  /** The OpenAPI path (`/api/v1/companies/{id}`). */
  path: string;
  /** Lower-case HTTP method, as OpenAPI keys operations. */
  method: string;
  access: RouteAccess;
  /** The XML root element of its answers (data API routes). */
  xmlRoot: string;
}

const joinPath = (base: string, path: string) =>
  ('/' + [base, path].filter((p) => p && p !== '/').join('/')).replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');

/**
 * Every route of every controller the app mounted, read from the same metadata the access guard and
 * the representation interceptor read (never from the document's own decorators), so the document
 * states what the code enforces: a module added later, scaffolded or written by hand, is covered
 * with no edit here.
 */
export function documentedRoutes(app: INestApplication): DocumentedRoute[] {
  const reflector = app.get(Reflector, { strict: false });
  const scanner = new MetadataScanner();
  const routes: DocumentedRoute[] = [];
  const seen = new Set<object>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const bases = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, object>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
        const access = handlerAccess(reflector, handler, controller);
        const xmlRoot = xmlRootOf(reflector, handler, controller);
        for (const base of bases)
          for (const path of ([] as string[]).concat(paths))
            routes.push({ path: joinPath(base, path), method, access, xmlRoot });
      }
    }
  }
  return routes;
}
