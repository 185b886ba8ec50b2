import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, MaxLength, ValidateIf } from 'class-validator';

/** `PUT /api/notifications/contact`: where and in which language an applicant's e-mails go. */
export class NotificationContactUpdateDto {
  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 254, format: 'email', description: 'null: no e-mail notifications' })
  @ValidateIf((_dto, value) => value !== null)
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiProperty({ enum: ['zh', 'en'] })
  @IsIn(['zh', 'en'])
  locale!: 'zh' | 'en';
}
