import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CompaniesController } from './companies.controller';
import { CompaniesRepository } from './companies.repository';
import { CompaniesService } from './companies.service';
import { CompanyDocument, CompanySchema } from './company.schema';
import { ContactDocument, ContactSchema } from './contact.schema';
import { ContactsController } from './contacts.controller';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

/**
 * The product's own data API (companies and contacts), and the example a team copies to add its
 * module. The repositories are exported for the seed module of this lib only (index.ts does not
 * export their classes, so nothing outside `libs/data` can inject them).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CompanyDocument.name, schema: CompanySchema },
      { name: ContactDocument.name, schema: ContactSchema },
    ]),
  ],
  controllers: [CompaniesController, ContactsController],
  providers: [CompaniesRepository, CompaniesService, ContactsRepository, ContactsService],
  exports: [CompaniesService, ContactsService, CompaniesRepository, ContactsRepository],
})
export class DataModule {}
