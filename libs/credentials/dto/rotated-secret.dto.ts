import { ApiProperty } from '@nestjs/swagger';
import { ClientSecretViewDto } from './client-secret-view.dto';

/** The answer to a rotation: the new secret, shown once, and every secret's validity. */
export class RotatedSecretDto {
  @ApiProperty({ type: String }) accountId: string;
  @ApiProperty({ type: String }) clientId: string;
  @ApiProperty({ type: String }) secretId: string;
  @ApiProperty({ type: String, description: 'the new client secret (`tgs_…`), shown once' }) clientSecret: string;
  @ApiProperty({ type: () => [ClientSecretViewDto] }) secrets: ClientSecretViewDto[];
}
