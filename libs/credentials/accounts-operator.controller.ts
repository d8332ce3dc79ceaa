import { Audited, Operator } from '@tollgate/http';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { CreateAccountDto, RotateSecretDto, UpdateAccountDto } from './dto/account-policy.dto';
import { AccountListItemDto, AccountPageDto, AccountViewDto } from './dto/account-view.dto';
import { CreatedAccountDto } from './dto/created-account.dto';
import { ListAccountsQuery } from './dto/list-accounts.query';
import { RotatedSecretDto } from './dto/rotated-secret.dto';

/** Operator API for accounts and their client secrets. Secrets appear only in create and rotate answers. */
@Controller('operator/v1/accounts')
@ApiTags('operator: accounts')
@Operator()
export class AccountsOperatorController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @Audited('account.create', { subject: 'account', resultKey: 'accountId' })
  @ApiOperation({
    summary: 'Create an account',
    description: 'The answer is the only place its first client secret appears.',
  })
  @ApiCreatedResponse({ type: CreatedAccountDto })
  async create(@Body() dto: CreateAccountDto) {
    const { account, clientSecret } = await this.accounts.create(dto);
    return { ...this.accounts.view(account), clientSecret };
  }

  @Get()
  @ApiOperation({ summary: 'List accounts: by name prefix and status, in name order, one page at a time' })
  @ApiOkResponse({ type: AccountPageDto, description: 'items are account views without the webhook signing key' })
  list(@Query() query: ListAccountsQuery) {
    return this.accounts.list(query);
  }

  @Get(':idOrName')
  @ApiOperation({ summary: 'Get an account' })
  @ApiOkResponse({ type: AccountViewDto })
  async get(@Param('idOrName') idOrName: string) {
    return this.accounts.view(await this.accounts.get(idOrName));
  }

  @Patch(':idOrName')
  @Audited('account.update', { subject: 'account', param: 'idOrName' })
  @ApiOperation({
    summary: 'Update an account',
    description: 'Only the fields sent change. `status: "disabled"` ends every token of the account at once.',
  })
  @ApiOkResponse({ type: AccountViewDto })
  async update(@Param('idOrName') idOrName: string, @Body() dto: UpdateAccountDto) {
    return this.accounts.view(await this.accounts.update(idOrName, dto));
  }

  @Post(':idOrName/secrets')
  @Audited('secret.rotate', { subject: 'account', param: 'idOrName', detail: ['secretId'] })
  @ApiOperation({
    summary: 'Rotate the client secret',
    description: 'Returns a new secret; the previous ones keep working for `graceSeconds` (default 24 h).',
  })
  @ApiCreatedResponse({ type: RotatedSecretDto })
  @HttpCode(201)
  async rotate(@Param('idOrName') idOrName: string, @Body() dto: RotateSecretDto) {
    const { account, clientSecret, secretId } = await this.accounts.rotateSecret(idOrName, dto.graceSeconds);
    return {
      accountId: account.id,
      clientId: account.clientId,
      secretId,
      clientSecret,
      secrets: this.accounts.view(account).secrets,
    };
  }

  @Delete(':idOrName')
  @Audited('account.delete', { subject: 'account', param: 'idOrName' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Delete an account: its tokens end at once; the record stays as `deleted`, its name and client ID are never reused',
  })
  @ApiOkResponse({
    type: AccountListItemDto,
    description: 'The deleted account (`status: "deleted"`, `deletedAt`), without secrets or webhook signing key',
  })
  async delete(@Param('idOrName') idOrName: string) {
    const { alertWebhookSecret: _key, ...view } = this.accounts.view(await this.accounts.delete(idOrName));
    return view;
  }
}
