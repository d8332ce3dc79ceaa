export { OperatorsModule } from './operators.module';
export { OperatorsHttpModule } from './operators-http.module';
export { OperatorsService } from './operators.service';
export { OperatorSessionsService, SESSION_TTL_MS, type SignedIn } from './operator-sessions.service';
export { CSRF_HEADER } from './operator-authenticator.service';
export { sessionCookie, sessionCookieOf } from './console-cookie';
export { type OperatorView, ROOT_OPERATOR } from './operator.types';
export { OperatorSessionsPurger } from './operator-sessions.purger';
