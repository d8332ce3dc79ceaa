import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@tollgate/tokens';
import { AccountAdminProduct } from '@tollgate/usage';
import { type TollgateRequest, XmlRoot } from '@tollgate/http';
import { LimitsDto } from './dto/limits.dto';
import { admissionOf } from './throttle.guard';

/**
 * The calling token's throttling state, read from this very request's admission (no extra Redis
 * call). This request was admitted, so neither the token nor its account is locked out right now.
 */
@Controller('api/v1/admin/limits')
@AccountAdminProduct()
export class LimitsController {
  @Get()
  @ApiOperation({
    summary: "The calling token's rate limit",
    description: 'Limit, remaining, reset time and lockout state, as this request was admitted.',
  })
  @ApiOkResponse({ type: LimitsDto })
  @XmlRoot('limits')
  limits(@CurrentPrincipal() principal: Principal, @Req() req: TollgateRequest) {
    const a = admissionOf(req);
    const t = principal.throttle;
    const ok = a?.status === 'ok' ? a : undefined;
    // Parsed from the script's reply on each read: read once.
    const burst = ok?.burst;
    return {
      accountId: principal.accountId,
      tokenId: principal.tokenId,
      limit: t.limit,
      periodSeconds: t.periodSeconds,
      lockoutSeconds: t.lockoutSeconds,
      lockoutScope: t.scope,
      warnAt: t.warnAt,
      remaining: ok ? ok.remaining : null,
      used: ok ? t.limit - ok.remaining : null,
      resetAt: ok ? new Date(ok.resetAt).toISOString() : null,
      warning: ok && ok.warnedAt > 0 ? ok.warnedAt : null,
      lockout: { token: { locked: false }, account: { locked: false } },
      ...(burst
        ? {
            burst: { limit: burst.limit, periodSeconds: Math.round(burst.periodMs / 1000), remaining: burst.remaining },
          }
        : {}),
      tokenExpiresAt: new Date(principal.expiresAt).toISOString(),
    };
  }
}
