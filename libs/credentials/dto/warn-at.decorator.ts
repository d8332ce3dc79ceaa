import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, Max, Min } from 'class-validator';

/**
 * An optional `warnAt` list: up to 5 fractions of a limit in (0, 1) at which a warning is raised.
 * One definition for the throttle window, quotas and credits, which all warn the same way.
 */
export const WarnAtProperty = (description?: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'array',
      items: { type: 'number', minimum: 0.01, maximum: 0.99 },
      maxItems: 5,
      ...(description ? { description } : {}),
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(5),
    IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }),
    Min(0.01, { each: true }),
    Max(0.99, { each: true }),
  );
