import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export class ThrottlePolicyDto {
  @IsInt() @Min(1) @Max(10_000_000)
  limit: number;

  @IsOptional() @IsInt() @Min(1) @Max(86_400)
  periodSeconds?: number;

  @IsOptional() @IsInt() @Min(1) @Max(86_400)
  lockoutSeconds?: number;

  @IsOptional() @IsIn(['account', 'token'])
  scope?: 'account' | 'token';

  @IsOptional() @IsArray() @ArrayMaxSize(5)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) @Min(0.01, { each: true }) @Max(0.99, { each: true })
  warnAt?: number[];
}
