import { Module } from '@nestjs/common';
import { AccountsOperatorController } from './accounts-operator.controller';
import { CredentialsModule } from './credentials.module';

/** The operator accounts API; mounted by the api only, so importing the services never brings routes. */
@Module({
  imports: [CredentialsModule],
  // Re-exported so the app that mounts the routes can also use the services (its global guards do).
  exports: [CredentialsModule],
  controllers: [AccountsOperatorController],
})
export class CredentialsHttpModule {}
