import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

/** RETURNED: tasks the department sent back whose case still waits for the applicant's correction. */
export const INBOX_STATUSES = ['OPEN', 'CLAIMED', 'DONE', 'RETURNED'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export const INBOX_SORTS = ['due', 'arrived', 'enterprise'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** GET /tasks: the clerk's department inbox in one status, searched and sorted. */
export class TaskListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INBOX_STATUSES, default: 'OPEN' })
  @IsOptional()
  @IsIn(INBOX_STATUSES)
  status: InboxStatus = 'OPEN';

  @ApiPropertyOptional({ description: "Part of the enterprise name, or the beginning of the case id", maxLength: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(0, 100)
  // Words, not control, bidi or zero-width characters.
  @Matches(/^[^\p{Cc}\p{Cf}]*$/u, { message: 'q must not contain control, bidi or zero-width characters' })
  q?: string;

  @ApiPropertyOptional({ enum: INBOX_SORTS, default: 'due', description: 'due: soonest time limit first; arrived: newest first; enterprise: by name' })
  @IsOptional()
  @IsIn(INBOX_SORTS)
  sort: InboxSort = 'due';
}
