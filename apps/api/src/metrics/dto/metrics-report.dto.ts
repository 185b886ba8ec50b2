import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, DEPARTMENTS, FEE_PAYERS } from '@onetrip/domain';
import type { MetricsReport } from '../metrics-figures';

// The metrics report as the document describes it (JSON); each nested part a class of its own.

const countsBy = (keys: readonly string[]) => ({
  type: 'object' as const,
  properties: Object.fromEntries(keys.map((key) => [key, { type: 'integer' as const }])),
  required: [...keys],
  additionalProperties: false,
});

export class MetricsCasesDto {
  @ApiProperty({ type: 'integer' }) submitted!: number;
  @ApiProperty(countsBy(CASE_STATUSES)) byStatus!: MetricsReport['cases']['byStatus'];
}

export class MetricsHoursDto {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'number', nullable: true }) median!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) p90!: number | null;
}

export class MetricsDepartmentDto {
  @ApiProperty({ type: 'integer' }) decided!: number;
  @ApiProperty({ type: 'integer' }) withinLimit!: number;
  @ApiProperty({ type: 'number', nullable: true }) shareWithinLimit!: number | null;
}

export class MetricsCorrectionsDto {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'number', nullable: true }) perCase!: number | null;
}

export class MetricsTripsDto {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'number', nullable: true }) perCase!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Cases by trips the applicant made' }) byTrips!: Record<string, number>;
}

export class MetricsCostsDto {
  @ApiProperty({ example: '0.00' }) applicantPaid!: string;
  @ApiProperty({ example: '1060.00' }) borneByOthers!: string;
  @ApiProperty({ type: 'object', properties: Object.fromEntries(FEE_PAYERS.map((payer) => [payer, { type: 'string' as const }])), required: [...FEE_PAYERS], additionalProperties: false })
  byPayer!: MetricsReport['costs']['byPayer'];
}

export class MetricsComplaintsDto {
  @ApiProperty({ type: 'integer' }) opened!: number;
  @ApiProperty({ type: 'integer' }) resolved!: number;
}

export class MetricsDayDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: 'integer' }) submitted!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
}

export class MetricsReportDto implements MetricsReport {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: MetricsCasesDto }) cases!: MetricsCasesDto;
  @ApiProperty({ type: 'integer' }) enterprisesOpened!: number;
  @ApiProperty({ type: MetricsHoursDto }) endToEndWorkingHours!: MetricsHoursDto;
  @ApiProperty({
    type: 'object',
    description: `By department: ${DEPARTMENTS.join(', ')}`,
    additionalProperties: { $ref: '#/components/schemas/MetricsDepartmentDto' },
  })
  departments!: MetricsReport['departments'];
  @ApiProperty({ type: MetricsCorrectionsDto }) corrections!: MetricsCorrectionsDto;
  @ApiProperty({ type: MetricsTripsDto }) trips!: MetricsTripsDto;
  @ApiProperty({ type: MetricsCostsDto }) costs!: MetricsCostsDto;
  @ApiProperty({ type: MetricsComplaintsDto }) complaints!: MetricsComplaintsDto;
  @ApiProperty({ type: [MetricsDayDto] }) perDay!: MetricsDayDto[];
}
