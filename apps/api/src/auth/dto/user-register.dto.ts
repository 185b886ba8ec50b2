import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateBy } from 'class-validator';
import { isValidMobile } from '@onetrip/domain';

export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;

/** A mainland mobile number (domain rule); the value is never echoed in the message. */
const IsMainlandMobile = (): PropertyDecorator =>
  ValidateBy({
    name: 'isMainlandMobile',
    validator: {
      validate: (value) => typeof value === 'string' && isValidMobile(value),
      defaultMessage: () => 'mobile must be a mainland mobile number: 11 digits starting with 13–19',
    },
  });

export class UserRegisterDto {
  @ApiProperty({ example: 'zhang-san', pattern: USERNAME_PATTERN.source, minLength: 3, maxLength: 32 })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3–32 characters of a-z, 0-9, _, - and .' })
  username!: string;

  @ApiProperty({ minLength: 8, maxLength: 200, format: 'password' })
  @IsString()
  @Length(8, 200)
  password!: string;

  @ApiProperty({ example: '张三', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '13800001111', description: 'Mainland mobile number' })
  @IsString()
  @MaxLength(20)
  @IsMainlandMobile()
  mobile!: string;

  @ApiPropertyOptional({ maxLength: 254, format: 'email', description: 'Where e-mail notifications go (optional; stored encrypted)' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'The language of e-mail notifications' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  locale?: 'zh' | 'en';
}
