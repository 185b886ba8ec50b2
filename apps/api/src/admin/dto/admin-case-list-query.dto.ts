import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
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

  // Departments are data: any code a definition declares (the same token shape the actions take).
  @ApiPropertyOptional({ example: 'SAMR', description: 'Only reasons of this department (any code a definition declares)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({ description: 'Only cases stuck for at least this many minutes', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(525_600)
  minAgeMinutes?: number;

  @ApiPropertyOptional({ description: "Search: part of the enterprise name, the applicant's name or username, or the case id's beginning", maxLength: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(0, 100)
  @Matches(/^[^\p{Cc}\p{Cf}]*$/u, { message: 'q must not contain control, bidi or zero-width characters' })
  q?: string;
}
