import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

// Department codes and step ids are data now: any short token of a definition.
const STEP_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

import { ADMIN_ACTIONS, type AdminAction } from '../available-actions';

export { ADMIN_ACTIONS, type AdminAction };

export class AdminCaseActionDto {
  @ApiProperty({
    enum: ADMIN_ACTIONS,
    description:
      'REASSIGN a department task to a named clerk; ESCALATE it; RETRY a failing step now (its attempts start again from 1); REOPEN a finished step; CANCEL the case; REMIND_APPLICANT of the correction the case waits for (at most once a day)',
  })
  @IsIn(ADMIN_ACTIONS)
  action!: AdminAction;

  @ApiPropertyOptional({ example: 'SAMR', description: "REASSIGN, RETRY, REOPEN (ESCALATE: optional): the step's department, when one step of the case's definition has it" })
  @IsOptional()
  @IsString()
  @Matches(STEP_KEY, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({ example: 'fire-safety', description: 'The step, by its id in the case\'s definition (needed where a department decides two steps)' })
  @IsOptional()
  @IsString()
  @Matches(STEP_KEY, { message: 'stepId must be a step id' })
  stepId?: string;

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
