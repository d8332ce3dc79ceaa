import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';

export class DeleteCompanyQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "`true` deletes the company's contacts with it; without it a company with contacts is a 409.",
  })
  /** `true` deletes the company's contacts with it; without it a company with contacts is a 409. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'cascade must be true or false' })
  cascade?: 'true' | 'false';
}
