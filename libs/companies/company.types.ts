/** A company of the product's shared dataset, as the API returns it (plain data). */
export interface Company {
  id: string;
  name: string;
  /** Lower-cased; unique across companies. */
  domain: string;
  industry: string | null;
  /** ISO 3166-1 alpha-2, upper-cased. */
  country: string | null;
  city: string | null;
  employees: number | null;
  /** Annual revenue in US dollars. */
  revenue: number | null;
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A company's own fields, normalized, as the repository stores them. */
export type CompanyFields = Omit<Company, 'id' | 'createdAt' | 'updatedAt'>;

/** What a client sends to create or replace a company: name and domain required, the rest optional. */
export interface CompanyInput {
  name: string;
  domain: string;
  industry?: string | null;
  country?: string | null;
  city?: string | null;
  employees?: number | null;
  revenue?: number | null;
  website?: string | null;
}

/** List filters; every one optional and combined with AND. */
export interface CompanyFilter {
  /** Case-insensitive prefix of the name. */
  name?: string;
  domain?: string;
  country?: string;
  industry?: string;
}
