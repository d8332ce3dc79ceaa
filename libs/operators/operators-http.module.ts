import { Module } from '@nestjs/common';
import { OperatorsOperatorController } from './operators-operator.controller';
import { OperatorsModule } from './operators.module';

/** The operators API (`/operator/v1/operators`, admins only); mounted by the api. */
@Module({
  imports: [OperatorsModule],
  exports: [OperatorsModule],
  controllers: [OperatorsOperatorController],
})
export class OperatorsHttpModule {}
