import { ApiProperty } from '@nestjs/swagger';
import { AccountViewDto } from './account-view.dto';

/** The answer to creating an account: the only time its first client secret is shown. */
export class CreatedAccountDto extends AccountViewDto {
  @ApiProperty({ type: String, description: 'the client secret (`tgs_…`), shown once' }) clientSecret: string;
}
