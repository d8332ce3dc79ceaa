import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { XmlRoot } from '@tollgate/http';
import { RequireScopes } from '@tollgate/tokens';
import { ApiProduct, Cost } from '@tollgate/usage';
import { CompaniesService } from './companies.service';
import { CompanyBodyDto } from './dto/company-body.dto';
import { CompanyDto } from './dto/company.dto';
import { CompanyPageDto } from './dto/company-page.dto';
import { DeleteCompanyQueryDto } from './dto/delete-company-query.dto';
import { IdParamDto } from './dto/id-param.dto';
import { ListCompaniesQueryDto } from './dto/list-companies-query.dto';
import { DEFAULT_PAGE_SIZE } from '@tollgate/persistence';

/**
 * Authentication, throttling, metering (as `companies`) and JSON/XML rendering are global; a route
 * only names its scope. Reads need `data:read`, writes `data:write`.
 */
@Controller('api/v1/companies')
@ApiProduct('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  // A page of up to 100 records is worth several lookups: it spends 5 credits (the routes' default is 1).
  @Cost(5)
  @ApiOperation({
    summary: 'List companies',
    description: 'Filters combine with AND; a stable order; `total` is exact.',
  })
  @ApiOkResponse({ type: CompanyPageDto })
  @RequireScopes('data:read')
  @XmlRoot('companies')
  list(@Query() query: ListCompaniesQueryDto) {
    const { page = 1, pageSize = DEFAULT_PAGE_SIZE, ...filter } = query;
    return this.companies.list(filter, { page, pageSize });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a company' })
  @ApiOkResponse({ type: CompanyDto })
  @RequireScopes('data:read')
  @XmlRoot('company')
  get(@Param() { id }: IdParamDto) {
    return this.companies.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a company' })
  @ApiCreatedResponse({
    type: CompanyDto,
    headers: { Location: { description: 'the new company', schema: { type: 'string' } } },
  })
  @RequireScopes('data:write')
  @XmlRoot('company')
  async create(@Body() body: CompanyBodyDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const company = await this.companies.create(body);
    reply.header('location', `/api/v1/companies/${company.id}`);
    return company;
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a company',
    description: 'A full replacement: an optional field left out becomes null.',
  })
  @ApiOkResponse({ type: CompanyDto })
  @RequireScopes('data:write')
  @XmlRoot('company')
  replace(@Param() { id }: IdParamDto, @Body() body: CompanyBodyDto) {
    return this.companies.replace(id, body);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a company',
    description: 'A company with contacts is a 409 `company_has_contacts` unless `cascade=true`.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @RequireScopes('data:write')
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto, @Query() query: DeleteCompanyQueryDto): Promise<void> {
    await this.companies.delete(id, query.cascade === 'true');
  }
}
