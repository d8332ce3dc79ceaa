/** A contact (a person at a company) of the product's shared dataset. */
export interface Contact {
  id: string;
  companyId: string;
  firstName: string;
  lastName: string;
  title: string | null;
  /** Lower-cased; unique within its company. */
  email: string;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A contact's own fields, normalized, as the repository stores them. */
export type ContactFields = Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>;

/** What a client sends to create or replace a contact: title and phone optional. */
export interface ContactInput {
  companyId: string;
  firstName: string;
  lastName: string;
  title?: string | null;
  email: string;
  phone?: string | null;
}

export interface ContactFilter {
  companyId?: string;
}
