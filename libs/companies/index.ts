export { CompaniesModule } from './companies.module';
export { CompaniesService } from './companies.service';
export { ContactsService } from './contacts.service';
export { DatasetLoader } from './dataset.loader';
export { companyListQuery, type CompanyRecord } from './companies.repository';
export { contactListQuery, type ContactRecord } from './contacts.repository';
export type { Company, CompanyFilter, CompanyInput } from './company.types';
export type { Contact, ContactFilter, ContactInput } from './contact.types';
