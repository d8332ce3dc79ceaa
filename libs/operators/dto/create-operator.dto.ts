import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import type { OperatorRole } from '@tollgate/http';

export class CreateOperatorDto {
  @ApiProperty({ type: String, pattern: '^[a-z][a-z0-9-]{1,30}[a-z0-9]$', example: 'alice' })
  @Matches(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, { message: 'name must be 3 to 32 of a-z 0-9 -, starting with a letter' })
  name: string;

  @ApiProperty({ enum: ['admin', 'viewer'], description: '`admin`: everything; `viewer`: reads only' })
  @IsIn(['admin', 'viewer'], { message: 'role must be admin or viewer' })
  role: OperatorRole;
}
