import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { MetricsDepartmentDto, MetricsReportDto } from './dto/metrics-report.dto';
import type { Response } from 'express';
import { Roles } from '../common/roles.decorator';
import { MetricsQueryDto } from './dto/metrics-query.dto';
import { metricsCsv } from './metrics-figures';
import { MetricsService } from './metrics.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Monthly figures: cases by status, enterprises opened, end-to-end working hours (median, p90 nearest-rank), each department’s share within its limit, corrections and trips per case, what government and others paid, complaints. format=csv for the report.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(MetricsReportDto, MetricsDepartmentDto)
  @ApiOkResponse({
    description: 'The figures (JSON), or `metric,key,value` lines (CSV)',
    content: { 'application/json': { schema: { $ref: getSchemaPath(MetricsReportDto) } }, 'text/csv': { schema: { type: 'string' } } },
  })
  async report(@Query() query: MetricsQueryDto, @Res({ passthrough: true }) response: Response): Promise<unknown> {
    const report = await this.metrics.report(query);
    if (query.format !== 'csv') return report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="onetrip-metrics-${report.from}-${report.to}.csv"`);
    return metricsCsv(report, query.lang ?? 'en');
  }
}
