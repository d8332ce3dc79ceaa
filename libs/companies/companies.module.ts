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
import { ListChunkDocument, ListChunkSchema } from './list-chunk.schema';
import { ListHeadDocument, ListHeadSchema } from './list-head.schema';
import { ListPagesRepository } from './list-pages.repository';

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
      { name: ListHeadDocument.name, schema: ListHeadSchema },
      { name: ListChunkDocument.name, schema: ListChunkSchema },
    ]),
  ],
  controllers: [CompaniesController, ContactsController],
  providers: [CompaniesRepository, CompaniesService, ContactsRepository, ContactsService, ListPagesRepository, DataListsService],
  exports: [CompaniesService, ContactsService, CompaniesRepository, ContactsRepository, DataListsService],
})
export class DataModule {}
