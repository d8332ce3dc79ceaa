import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: 256,
    description: "an operator key (the bootstrap OPERATOR_KEY, or a named operator's `tgo_…`)",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  key: string;
}
