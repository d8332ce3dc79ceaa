import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';

export class QuotaPolicyDto {
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'api must be an API product name (a-z 0-9 -)' })
  api: string;

  @IsIn(['month', 'day'])
  period: 'month' | 'day';

  @IsInt() @Min(1) @Max(1_000_000_000_000)
  limit: number;

  @IsOptional() @IsArray() @ArrayMaxSize(5)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) @Min(0.01, { each: true }) @Max(0.99, { each: true })
  warnAt?: number[];

  @IsOptional() @IsIn(['hard', 'alert'])
  enforce?: 'hard' | 'alert';
}
