import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@tollgate/audit';
import { AuthFailuresModule } from '@tollgate/auth-failures';
import { OperatorAuthenticator } from '@tollgate/http';
import { OperatorAuthenticatorService } from './operator-authenticator.service';
import { OperatorKeyHasher } from './operator-key.hasher';
import { OperatorDocument, OperatorSchema } from './operator.schema';
import { OperatorSessionDocument, OperatorSessionSchema } from './operator-session.schema';
import { OperatorSessionsRepository } from './operator-sessions.repository';
import { OperatorSessionsPurger } from './operator-sessions.purger';
import { OperatorSessionsService } from './operator-sessions.service';
import { OperatorsRepository } from './operators.repository';
import { OperatorsService } from './operators.service';
import { PluginOperatorBinding } from './plugin-operator.binding';

/**
 * Named operators and console sessions as services, and the operator authentication every process
 * that serves operator routes uses (the api, the worker's metrics port). No routes: see
 * OperatorsHttpModule.
 */
@Module({
  imports: [
    AuditModule,
    AuthFailuresModule,
    MongooseModule.forFeature([
      { name: OperatorDocument.name, schema: OperatorSchema },
      { name: OperatorSessionDocument.name, schema: OperatorSessionSchema },
    ]),
  ],
  providers: [
    OperatorsRepository,
    OperatorSessionsRepository,
    OperatorKeyHasher,
    OperatorsService,
    OperatorSessionsService,
    OperatorAuthenticatorService,
    { provide: OperatorAuthenticator, useExisting: OperatorAuthenticatorService },
    PluginOperatorBinding,
    OperatorSessionsPurger,
  ],
  exports: [OperatorsService, OperatorSessionsService, OperatorSessionsPurger, OperatorAuthenticator],
})
export class OperatorsModule {}
