import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_KINDS } from '@onetrip/domain';

export const VERIFY_STATUSES = ['VALID', 'SUPERSEDED', 'REVOKED', 'INVALID'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export class LocalizedNameDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

/** What anyone holding a document learns from its code: no personal data, only names of the enterprise, the process and the departments. */
export class DocumentVerifyResponseDto {
  @ApiProperty() code!: string;

  @ApiProperty({ enum: VERIFY_STATUSES, description: 'VALID; SUPERSEDED (a later document replaces it); REVOKED (e.g. the enterprise was deregistered); INVALID (the stored content or signature does not check: do not rely on it)' })
  status!: VerifyStatus;

  @ApiPropertyOptional({ enum: ['UNKNOWN_KEY', 'SIGNATURE_INVALID', 'CONTENT_HASH_MISMATCH', 'CONTENT_UNREADABLE'], description: 'Why INVALID' })
  invalidReason?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_KINDS }) kind?: string;
  @ApiPropertyOptional({ type: LocalizedNameDto }) title?: LocalizedNameDto;
  @ApiPropertyOptional({ type: LocalizedNameDto }) process?: LocalizedNameDto;
  @ApiPropertyOptional({ type: String, nullable: true }) enterpriseName?: string | null;
  @ApiPropertyOptional({ type: [LocalizedNameDto] }) departments?: LocalizedNameDto[];
  @ApiPropertyOptional() issuedAt?: string;
  @ApiProperty({ description: 'The id of the key that signed it (retired keys still verify)' }) keyId!: string;
  @ApiPropertyOptional() statusReason?: string;
  @ApiPropertyOptional() statusChangedAt?: string;
  @ApiPropertyOptional({ description: 'The code of the document that replaces this one' }) supersededBy?: string;
}
