import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class QuotaPolicyDto {
  @ApiProperty({ type: String })
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'api must be an API product name (a-z 0-9 -)' })
  api: string;

  @ApiProperty({ enum: ['month', 'day'] })
  @IsIn(['month', 'day'])
  period: 'month' | 'day';

  @ApiProperty({ type: Number })
  @IsInt() @Min(1) @Max(1_000_000_000_000)
  limit: number;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional() @IsArray() @ArrayMaxSize(5)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) @Min(0.01, { each: true }) @Max(0.99, { each: true })
  warnAt?: number[];

  @ApiPropertyOptional({ enum: ['hard', 'alert'] })
  @IsOptional() @IsIn(['hard', 'alert'])
  enforce?: 'hard' | 'alert';
}
