import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS } from '@onetrip/domain';

/** A document a case has (or will issue on first download). */
export class CaseDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ description: 'OUTCOME: 1; CORRECTION_NOTICE: the round' }) version!: number;
  @ApiProperty({ description: 'The PDF, under /api' }) path!: string;
}
