import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEPARTMENTS, type Department } from '@onetrip/domain';
import { PageQueryDto } from '../../common/page-query.dto';
import { STUCK_REASONS, type StuckReasonCode } from '../stuck-reasons';

export class AdminCaseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only stuck cases, most late first' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  stuck?: boolean;

  @ApiPropertyOptional({ enum: STUCK_REASONS })
  @IsOptional()
  @IsIn(STUCK_REASONS)
  reason?: StuckReasonCode;

  @ApiPropertyOptional({ enum: DEPARTMENTS })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ description: 'Only cases stuck for at least this many minutes', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(525_600)
  minAgeMinutes?: number;
}
