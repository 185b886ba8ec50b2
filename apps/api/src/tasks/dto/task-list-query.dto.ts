import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export const INBOX_STATUSES = ['OPEN', 'CLAIMED', 'DONE'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** GET /tasks: the clerk's department inbox in one status, soonest due first. */
export class TaskListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INBOX_STATUSES, default: 'OPEN' })
  @IsOptional()
  @IsIn(INBOX_STATUSES)
  status: InboxStatus = 'OPEN';
}
