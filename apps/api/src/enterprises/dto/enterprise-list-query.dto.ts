import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** GET /enterprises: an applicant's own; anyone else finds one by USCC. */
export class EnterpriseListQueryDto {
  @ApiPropertyOptional({ description: 'Unified social credit code (18 characters)', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' })
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'uscc must be 18 characters of the USCC alphabet' })
  uscc?: string;
}

