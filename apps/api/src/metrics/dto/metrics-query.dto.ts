import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PROCESS_KEY_PATTERN } from '../../processes/dto/process-version-params.dto';

export class MetricsQueryDto {
  @ApiPropertyOptional({ description: 'First day, YYYY-MM-DD in Asia/Shanghai (default: 30 days ago)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, inclusive (default: today)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: "Only this process's cases (its key, e.g. enterprise-change); default: every process", pattern: PROCESS_KEY_PATTERN.source })
  @IsOptional()
  @Matches(PROCESS_KEY_PATTERN, { message: 'process must be a process key: lower-case words joined by hyphens' })
  process?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ enum: ['en', 'zh'], default: 'en', description: 'CSV: en gives `metric,key,value` with machine keys; zh gives 指标,项目,数值 in words, then the machine keys (for the monthly report)' })
  @IsOptional()
  @IsIn(['en', 'zh'])
  lang?: 'en' | 'zh';
}
