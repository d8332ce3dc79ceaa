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
import { DataListsService } from './data-lists.service';
import { DatasetLoader } from './dataset.loader';
import { ListChunkDocument, ListChunkSchema } from './list-chunk.schema';
import { ListHeadDocument, ListHeadSchema } from './list-head.schema';
import { ListPagesRepository } from './list-pages.repository';

/**
 * The product's own data API: companies and their contacts (a contact belongs to one company, is
 * checked against it on write and deleted with it, and both are paged from one read model, so they
 * are one domain), and the example a team copies to add its module. Other libs use the services
 * and the dataset loader; the repositories stay inside.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CompanyDocument.name, schema: CompanySchema },
      { name: ContactDocument.name, schema: ContactSchema },
      { name: ListHeadDocument.name, schema: ListHeadSchema },
      { name: ListChunkDocument.name, schema: ListChunkSchema },
    ]),
  ],
  controllers: [CompaniesController, ContactsController],
  providers: [
    CompaniesRepository,
    CompaniesService,
    ContactsRepository,
    ContactsService,
    ListPagesRepository,
    DataListsService,
    DatasetLoader,
  ],
  exports: [CompaniesService, ContactsService, DatasetLoader],
})
export class CompaniesModule {}
