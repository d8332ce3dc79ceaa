import { IsMongoId } from 'class-validator';

/** `:id` of a company or contact route: a MongoDB ObjectId; anything else is a 400 naming `id`. */
export class IdParamDto {
  @IsMongoId({ message: 'id must be 24 hexadecimal digits' })
  id: string;
}
