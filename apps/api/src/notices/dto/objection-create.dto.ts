import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class ObjectionCreateDto {
  @ApiProperty({ description: 'Why the enterprise should not be deregistered this way (e.g. an unpaid claim); the SAMR clerk reads it', minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;

  @ApiProperty({ description: 'Chosen by the client once per objection: a retried request with the same key is the same objection', minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })
  @IsString()
  @Length(8, 64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'clientKey may hold letters, digits, - and _' })
  clientKey!: string;
}
