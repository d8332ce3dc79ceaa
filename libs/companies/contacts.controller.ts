import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { XmlRoot } from '@tollgate/http';
import { RequireScopes } from '@tollgate/tokens';
import { ApiProduct, Cost } from '@tollgate/usage';
import { ContactsService } from './contacts.service';
import { ContactBodyDto } from './dto/contact-body.dto';
import { ContactDto } from './dto/contact.dto';
import { ContactPageDto } from './dto/contact-page.dto';
import { IdParamDto } from './dto/id-param.dto';
import { ListContactsQueryDto } from './dto/list-contacts-query.dto';
import { DEFAULT_PAGE_SIZE } from '@tollgate/persistence';

/** Contacts, metered as `contacts`; same scopes as companies. */
@Controller('api/v1/contacts')
@ApiProduct('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  // A page of up to 100 records is worth several lookups: it spends 5 credits (the routes' default is 1).
  @Cost(5)
  @ApiOperation({ summary: 'List contacts' })
  @ApiOkResponse({ type: ContactPageDto })
  @RequireScopes('data:read')
  @XmlRoot('contacts')
  list(@Query() query: ListContactsQueryDto) {
    const { page = 1, pageSize = DEFAULT_PAGE_SIZE, ...filter } = query;
    return this.contacts.list(filter, { page, pageSize });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a contact' })
  @ApiOkResponse({ type: ContactDto })
  @RequireScopes('data:read')
  @XmlRoot('contact')
  get(@Param() { id }: IdParamDto) {
    return this.contacts.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a contact', description: 'Its `companyId` must exist (400 naming `companyId`).' })
  @ApiCreatedResponse({
    type: ContactDto,
    headers: { Location: { description: 'the new contact', schema: { type: 'string' } } },
  })
  @RequireScopes('data:write')
  @XmlRoot('contact')
  async create(@Body() body: ContactBodyDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const contact = await this.contacts.create(body);
    reply.header('location', `/api/v1/contacts/${contact.id}`);
    return contact;
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a contact',
    description: 'A full replacement: an optional field left out becomes null.',
  })
  @ApiOkResponse({ type: ContactDto })
  @RequireScopes('data:write')
  @XmlRoot('contact')
  replace(@Param() { id }: IdParamDto, @Body() body: ContactBodyDto) {
    return this.contacts.replace(id, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a contact' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @RequireScopes('data:write')
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.contacts.delete(id);
  }
}
