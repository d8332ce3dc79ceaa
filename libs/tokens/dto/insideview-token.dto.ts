import { ApiProperty } from '@nestjs/swagger';
import { InsideViewTokenDetailsDto } from './insideview-token-details.dto';

/** InsideView's token answer in JSON. */
export class InsideViewTokenDto {
  @ApiProperty({ type: () => InsideViewTokenDetailsDto }) accessTokenDetails: InsideViewTokenDetailsDto;
}
