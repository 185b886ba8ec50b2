import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROCESS_DEFINITION_STATUSES, type ProcessDefinition, type ProcessDefinitionStatus } from '@onetrip/domain/engine/process-definition';

/** A name in both languages of the window. */
export class LocalizedNameDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

/** One stored version of a process, with its whole document. */
export class ProcessDefinitionViewDto {
  @ApiProperty({ example: 'enterprise-opening' }) key!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ enum: PROCESS_DEFINITION_STATUSES }) status!: ProcessDefinitionStatus;
  @ApiProperty({ description: 'sha256 (hex) of the canonical JSON of the definition' }) checksum!: string;
  // The document's shape is the published JSON Schema (GET /api/processes/definition-schema), too rich to restate here.
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The definition document, as in GET /api/processes/definition-schema' })
  definition!: ProcessDefinition;
}

/** The processes an applicant may file now: the ACTIVE version of each. */
export class ProcessCatalogDto {
  @ApiProperty({ type: [ProcessDefinitionViewDto] }) items!: ProcessDefinitionViewDto[];
}

/** One version in the admin's list (without its document). */
export class ProcessVersionSummaryDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ enum: PROCESS_DEFINITION_STATUSES }) status!: ProcessDefinitionStatus;
  @ApiProperty() checksum!: string;
  @ApiProperty({ type: LocalizedNameDto }) name!: LocalizedNameDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) activatedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) retiredAt?: string;
}

export class ProcessVersionListDto {
  @ApiProperty({ type: [ProcessVersionSummaryDto], description: 'Every stored version, by key then version' }) items!: ProcessVersionSummaryDto[];
}
