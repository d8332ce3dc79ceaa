import { CountryCodes } from 'validator/lib/isISO31661Alpha2';

/**
 * How the OpenAPI document states rules that validator.js checks in code (IsFQDN, IsEmail, IsUrl,
 * IsISO31661Alpha2). The patterns describe a subset of what the API accepts, never a superset: data
 * a client builds from the document (or a fuzzer generates from it) is always accepted.
 */
export const COUNTRY_CODES = [...CountryCodes].sort();

/** Labels of letters, digits and inner hyphens, then an alphabetic top-level domain (IsFQDN with require_tld). */
export const DOMAIN_NAME_PATTERN = '^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,4}[A-Za-z]{2,24}$';

/** A plain address: dotted atoms, `@`, a domain as above. */
export const EMAIL_PATTERN =
  '^[A-Za-z0-9_+-]{1,32}(\\.[A-Za-z0-9_+-]{1,32}){0,2}@([A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?\\.){1,3}[A-Za-z]{2,24}$';

/** An http(s) URL on a domain name, with an optional path. */
export const HTTP_URL_PATTERN =
  '^https?://([A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?\\.){1,3}[A-Za-z]{2,24}(/[A-Za-z0-9._~-]{1,32}){0,4}/?$';
