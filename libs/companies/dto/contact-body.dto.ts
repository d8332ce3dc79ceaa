import { IsEmail, IsMongoId, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContactInput } from '../contact.types';
import { EMAIL_PATTERN } from './openapi-patterns';

/** Body of POST /contacts and PUT /contacts/:id (a full replacement). */
export class ContactBodyDto implements ContactInput {
  @ApiProperty({ type: String, pattern: '^[0-9a-fA-F]{24}$' })
  @IsMongoId({ message: 'companyId must be a company id (24 hexadecimal digits)' })
  companyId: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100, pattern: '\\S' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'firstName must not be blank' })
  firstName: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 100, pattern: '\\S' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'lastName must not be blank' })
  lastName: string;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string | null;

  @ApiProperty({ type: String, maxLength: 254, pattern: EMAIL_PATTERN, description: 'an email address' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: '^\\+?[0-9 ().-]{3,32}$' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ().-]{3,32}$/, { message: 'phone must be 3-32 of digits, spaces and + ( ) . -' })
  phone?: string | null;
}
