import { IsMongoId } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

/** `:id` of a company or contact route: a MongoDB ObjectId; anything else is a 400 naming `id`. */
export class IdParamDto {
  @ApiProperty({ type: String, pattern: '^[0-9a-fA-F]{24}$' })
  @IsMongoId({ message: 'id must be 24 hexadecimal digits' })
  id: string;
}
