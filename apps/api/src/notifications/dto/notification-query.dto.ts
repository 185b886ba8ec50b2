import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export const DELIVERY_STATUSES = ['PENDING', 'SENDING', 'SENT', 'SKIPPED', 'DEAD'] as const;

export class NotificationListQueryDto extends PageQueryDto {}

export class NotificationDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, default: 'DEAD', description: 'Dead letters by default' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status: (typeof DELIVERY_STATUSES)[number] = 'DEAD';
}
