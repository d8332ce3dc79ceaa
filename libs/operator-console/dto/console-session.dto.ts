import { ApiProperty } from '@nestjs/swagger';

class SessionOperatorDto {
  @ApiProperty({ type: String, example: 'alice' }) name: string;
  @ApiProperty({ enum: ['admin', 'viewer'] }) role: string;
}

/** The signed-in operator, and what the console needs to act for them. */
export class ConsoleSessionDto {
  @ApiProperty({ type: () => SessionOperatorDto }) operator: SessionOperatorDto;
  @ApiProperty({ enum: ['session', 'key'], description: 'a console session cookie, or an operator key in a header' })
  via: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'send it as `X-CSRF-Token` on every request of this session that changes something; null without a session',
  })
  csrfToken: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the session ends; null without a session',
  })
  expiresAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-11-30',
    description: "today's UTC date on the server's clock (the usage charts' last day)",
  })
  today: string;
}

export class SignedOutDto {
  @ApiProperty({ type: Boolean, description: 'whether a session was ended' }) signedOut: boolean;
}
