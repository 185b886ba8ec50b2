import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DEPARTMENTS, type Department } from '@onetrip/domain';

export const ADMIN_ACTIONS = ['REASSIGN', 'ESCALATE', 'RETRY', 'REOPEN', 'CANCEL'] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export class AdminCaseActionDto {
  @ApiProperty({
    enum: ADMIN_ACTIONS,
    description:
      'REASSIGN a department task to a named clerk; ESCALATE it; RETRY a failing step now (its attempts start again from 1); REOPEN a finished step; CANCEL the case',
  })
  @IsIn(ADMIN_ACTIONS)
  action!: AdminAction;

  @ApiPropertyOptional({ enum: DEPARTMENTS, description: 'Required for REASSIGN, RETRY and REOPEN' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ description: 'REASSIGN: the username of a clerk of that department', example: 'clerk-tax' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_.-]{3,32}$/)
  clerk?: string;

  @ApiProperty({ description: 'Why (kept in the audit log)', maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
