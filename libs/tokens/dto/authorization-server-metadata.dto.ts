import { ApiProperty } from '@nestjs/swagger';

/** RFC 8414 authorization server metadata, built from PUBLIC_URL. */
export class AuthorizationServerMetadataDto {
  @ApiProperty({ type: String, format: 'uri' }) issuer: string;
  @ApiProperty({ type: String, format: 'uri' }) token_endpoint: string;
  @ApiProperty({ type: String, format: 'uri' }) revocation_endpoint: string;
  @ApiProperty({ type: String, format: 'uri' }) introspection_endpoint: string;
  @ApiProperty({ type: [String], example: ['client_credentials'] }) grant_types_supported: string[];
  @ApiProperty({ type: [String], example: [] }) response_types_supported: string[];
  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post'] })
  token_endpoint_auth_methods_supported: string[];
  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post'] })
  revocation_endpoint_auth_methods_supported: string[];
  @ApiProperty({ type: [String], example: ['client_secret_basic', 'client_secret_post'] })
  introspection_endpoint_auth_methods_supported: string[];
  @ApiProperty({ type: String, format: 'uri' }) service_documentation: string;
}
