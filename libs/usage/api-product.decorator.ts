import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

export const API_PRODUCT = 'tollgate:api-product';
/** Product of `/api/v1` routes that declare none. */
export const DEFAULT_API_PRODUCT = 'default';

/**
 * Names the API product a controller (or route) belongs to: its requests are metered, reported and
 * quota-checked under this name. A team adding a module declares it once, on the controller; it also
 * tags the routes in OpenAPI (their security, rate-limit headers and refusals come from the access
 * metadata every bearer route has).
 */
export const ApiProduct = (name: string) => {
  if (!/^[a-z0-9-]{1,64}$/.test(name))
    throw new Error(`ApiProduct name must be 1-64 of a-z 0-9 - (got ${JSON.stringify(name)})`);
  return applyDecorators(SetMetadata(API_PRODUCT, name), ApiTags(name));
};
