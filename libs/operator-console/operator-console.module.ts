import { Module } from '@nestjs/common';
import { OperatorsModule } from '@tollgate/operators';
import { ConsoleAssets } from './console-assets';
import { ConsoleSessionController } from './console-session.controller';
import { ConsoleController } from './console.controller';

/**
 * The operator console at `/console`: a compiled browser app served as static files, and its sign-in.
 * Everything it shows or changes goes through the operator API under the session: no back door.
 */
@Module({
  imports: [OperatorsModule],
  controllers: [ConsoleController, ConsoleSessionController],
  providers: [ConsoleAssets],
})
export class OperatorConsoleModule {}
