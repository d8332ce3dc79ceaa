import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody, TooManyFailuresBody, ValidationErrorBody } from '@tollgate/http';
import { Clock } from '@tollgate/clock';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { DomainError } from '@tollgate/domain-errors';
import { Operator, type OperatorIdentity, Public } from '@tollgate/http';
import { OperatorSessionsService, SESSION_TTL_MS, sessionCookie, sessionCookieOf } from '@tollgate/operators';
import { ConsoleSessionDto, SignedOutDto } from './dto/console-session.dto';
import { SignInDto } from './dto/sign-in.dto';

type ConsoleRequest = FastifyRequest & { operator?: OperatorIdentity };

/**
 * Signing in to and out of the console. The session lives on the server; the browser holds its
 * random value in an HttpOnly, SameSite=Strict cookie (Secure behind HTTPS) and keeps the CSRF token
 * it is given here in memory, sending it with every change.
 */
@Controller('console/session')
@ApiTags('operator console')
export class ConsoleSessionController {
  constructor(
    private readonly sessions: OperatorSessionsService,
    private readonly clock: Clock,
    @Inject(TOLLGATE_CONFIG) private readonly config: TollgateConfig,
  ) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: 'Sign in to the console with an operator key',
    description:
      'Sets the session cookie. Wrong keys are counted per client address (429 `too_many_failures` past the limit) and recorded in the audit log.',
  })
  @ApiCreatedResponse({
    type: ConsoleSessionDto,
    headers: {
      'Set-Cookie': {
        description: 'the session cookie (HttpOnly; SameSite=Strict; Secure behind HTTPS)',
        schema: { type: 'string' },
      },
    },
  })
  @ApiResponse({
    status: 400,
    description: 'No key, or not a string of at most 256 characters (`validation_failed`)',
    type: ValidationErrorBody,
  })
  @ApiResponse({ status: 401, description: 'Wrong operator key (`invalid_operator_key`)', type: ErrorBody })
  @ApiResponse({
    status: 403,
    description: 'Sent from another site (`csrf_failed`: the Origin is not this server)',
    type: ErrorBody,
  })
  @ApiResponse({
    status: 429,
    description: 'Too many failed authentications from this address (`too_many_failures`)',
    type: TooManyFailuresBody,
    headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } },
  })
  @ApiResponse({
    status: 503,
    description: 'The store or Redis is unavailable; retry after `Retry-After`',
    type: ErrorBody,
  })
  async signIn(
    @Body() dto: SignInDto,
    @Req() req: ConsoleRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsoleSessionDto> {
    // Login CSRF: another site's page must not sign the browser in (to a session of its choosing).
    const origin = req.headers.origin;
    if (origin !== undefined && !sameHost(origin, req.headers.host))
      throw new DomainError('forbidden', 'csrf_failed', 'sign in from the console itself');
    const { token, session, operator } = await this.sessions.signIn(dto.key, req.ip);
    reply.header('set-cookie', sessionCookie(token, Math.floor(SESSION_TTL_MS / 1000), this.secure(req)));
    return {
      operator,
      via: 'session',
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
      today: this.today(),
    };
  }

  @Get()
  @Operator()
  @ApiOperation({
    summary: 'The signed-in operator',
    description: 'With a session cookie: its CSRF token and expiry, so a reloaded console can go on.',
  })
  @ApiOkResponse({ type: ConsoleSessionDto })
  async current(@Req() req: ConsoleRequest): Promise<ConsoleSessionDto> {
    const operator = req.operator!;
    const token = operator.via === 'session' ? sessionCookieOf(req.headers.cookie) : undefined;
    const resolved = token ? await this.sessions.resolve(token) : null;
    return {
      operator: { name: operator.name, role: operator.role },
      via: operator.via,
      csrfToken: resolved?.session.csrfToken ?? null,
      expiresAt: resolved ? resolved.session.expiresAt.toISOString() : null,
      today: this.today(),
    };
  }

  @Delete()
  @HttpCode(200)
  // Signing out changes nothing but the caller's own session: viewers may do it too.
  @Operator({ role: 'viewer' })
  @ApiOperation({
    summary: 'Sign out of the console',
    description: 'Ends the session on the server at once and clears the cookie.',
  })
  @ApiOkResponse({ type: SignedOutDto })
  async signOut(@Req() req: ConsoleRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SignedOutDto> {
    const token = sessionCookieOf(req.headers.cookie);
    const signedOut = token ? await this.sessions.signOut(token) : false;
    reply.header('set-cookie', sessionCookie('', 0, this.secure(req)));
    return { signedOut };
  }

  /** Secure cookies where the console is reached over HTTPS (PUBLIC_URL says so behind a proxy). */
  private secure(req: FastifyRequest): boolean {
    return this.config.publicUrl.startsWith('https:') || req.protocol === 'https';
  }

  private today(): string {
    return new Date(this.clock.now()).toISOString().slice(0, 10);
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
