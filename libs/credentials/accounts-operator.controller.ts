import { Operator } from '@tollgate/http';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { CreateAccountDto, RotateSecretDto, UpdateAccountDto } from './dto/account-policy.dto';
import { ListAccountsQuery } from './dto/list-accounts.query';

/** Operator API for accounts and their client secrets. Secrets appear only in create and rotate answers. */
@Controller('operator/v1/accounts')
@ApiTags('operator: accounts')
@Operator()
export class AccountsOperatorController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  async create(@Body() dto: CreateAccountDto) {
    const { account, clientSecret } = await this.accounts.create(dto);
    return { ...this.accounts.view(account), clientSecret };
  }

  @Get()
  @ApiOperation({ summary: 'List accounts: by name prefix and status, in name order, one page at a time' })
  @ApiOkResponse({ description: '`{ items, page, pageSize, total }`; items are account views without the webhook signing key' })
  list(@Query() query: ListAccountsQuery) {
    return this.accounts.list(query);
  }

  @Get(':idOrName')
  async get(@Param('idOrName') idOrName: string) {
    return this.accounts.view(await this.accounts.get(idOrName));
  }

  @Patch(':idOrName')
  async update(@Param('idOrName') idOrName: string, @Body() dto: UpdateAccountDto) {
    return this.accounts.view(await this.accounts.update(idOrName, dto));
  }

  @Post(':idOrName/secrets')
  @HttpCode(201)
  async rotate(@Param('idOrName') idOrName: string, @Body() dto: RotateSecretDto) {
    const { account, clientSecret, secretId } = await this.accounts.rotateSecret(idOrName, dto.graceSeconds);
    return { accountId: account.id, clientId: account.clientId, secretId, clientSecret, secrets: this.accounts.view(account).secrets };
  }

  @Delete(':idOrName')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete an account: its tokens end at once; the record stays as `deleted`, its name and client ID are never reused' })
  @ApiOkResponse({ description: 'The deleted account (`status: "deleted"`, `deletedAt`), without secrets or webhook signing key' })
  @ApiNotFoundResponse({ description: 'No such account, or it was deleted already' })
  async delete(@Param('idOrName') idOrName: string) {
    const { alertWebhookSecret: _key, ...view } = this.accounts.view(await this.accounts.delete(idOrName));
    return view;
  }
}
