import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, Operator } from '@tollgate/http';
import { CreateOperatorDto } from './dto/create-operator.dto';
import { CreatedOperatorDto, OperatorListDto, RevokedOperatorDto } from './dto/operator-view.dto';
import { OperatorsService } from './operators.service';

/** Named operators: admins only, reads included (the list says who can change what). */
@Controller('operator/v1/operators')
@ApiTags('operator: operators')
@Operator({ role: 'admin' })
export class OperatorsOperatorController {
  constructor(private readonly operators: OperatorsService) {}

  @Get()
  @ApiOperation({
    summary: 'List operators',
    description: 'The bootstrap admin `root` first, then named operators by name. Never a key.',
  })
  @ApiOkResponse({ type: OperatorListDto })
  async list() {
    return { items: await this.operators.list() };
  }

  @Post()
  @Audited('operator.create', { recordedBy: 'service' })
  @ApiOperation({ summary: 'Create an operator', description: 'The answer is the only place its key appears.' })
  @ApiCreatedResponse({ type: CreatedOperatorDto })
  async create(@Body() dto: CreateOperatorDto) {
    const { operator, key } = await this.operators.create(dto.name, dto.role);
    return { ...operator, key };
  }

  @Delete(':name')
  @HttpCode(200)
  @Audited('operator.revoke', { recordedBy: 'service' })
  @ApiOperation({
    summary: 'Revoke an operator',
    description: 'Its key stops working and its console sessions end on every instance before this returns.',
  })
  @ApiOkResponse({ type: RevokedOperatorDto })
  async revoke(@Param('name') name: string) {
    const { operator, sessionsEnded } = await this.operators.revoke(name);
    return { ...operator, sessionsEnded };
  }
}
