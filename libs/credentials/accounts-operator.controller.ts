import { Operator } from '@tollgate/http';
import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { CreateAccountDto, RotateSecretDto, UpdateAccountDto } from './dto/account-policy.dto';

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
}
