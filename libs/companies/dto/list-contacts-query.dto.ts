import { IsMongoId, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from './page-query.dto';

/** Filters of GET /contacts. */
export class ListContactsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, pattern: '^[0-9a-fA-F]{24}$' })
  @IsOptional()
  @IsMongoId({ message: 'companyId must be a company id (24 hexadecimal digits)' })
  companyId?: string;
}
