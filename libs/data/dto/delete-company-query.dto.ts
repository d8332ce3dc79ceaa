import { IsIn, IsOptional } from 'class-validator';

export class DeleteCompanyQueryDto {
  /** `true` deletes the company's contacts with it; without it a company with contacts is a 409. */
  @IsOptional() @IsIn(['true', 'false'], { message: 'cascade must be true or false' })
  cascade?: 'true' | 'false';
}
