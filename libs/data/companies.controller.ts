import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { XmlRoot } from '@tollgate/representation';
import { RequireScopes } from '@tollgate/tokens';
import { ApiProduct } from '@tollgate/usage';
import { CompaniesService } from './companies.service';
import { CompanyBodyDto } from './dto/company-body.dto';
import { DeleteCompanyQueryDto } from './dto/delete-company-query.dto';
import { IdParamDto } from './dto/id-param.dto';
import { ListCompaniesQueryDto } from './dto/list-companies-query.dto';
import { DEFAULT_PAGE_SIZE } from './page.types';

/**
 * Authentication, throttling, metering (as `companies`) and JSON/XML rendering are global; a route
 * only names its scope. Reads need `data:read`, writes `data:write`.
 */
@Controller('api/v1/companies')
@ApiProduct('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @RequireScopes('data:read')
  @XmlRoot('companies')
  list(@Query() query: ListCompaniesQueryDto) {
    const { page = 1, pageSize = DEFAULT_PAGE_SIZE, ...filter } = query;
    return this.companies.list(filter, { page, pageSize });
  }

  @Get(':id')
  @RequireScopes('data:read')
  @XmlRoot('company')
  get(@Param() { id }: IdParamDto) {
    return this.companies.get(id);
  }

  @Post()
  @RequireScopes('data:write')
  @XmlRoot('company')
  async create(@Body() body: CompanyBodyDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const company = await this.companies.create(body);
    reply.header('location', `/api/v1/companies/${company.id}`);
    return company;
  }

  @Put(':id')
  @RequireScopes('data:write')
  @XmlRoot('company')
  replace(@Param() { id }: IdParamDto, @Body() body: CompanyBodyDto) {
    return this.companies.replace(id, body);
  }

  @Delete(':id')
  @RequireScopes('data:write')
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto, @Query() query: DeleteCompanyQueryDto): Promise<void> {
    await this.companies.delete(id, query.cascade === 'true');
  }
}
