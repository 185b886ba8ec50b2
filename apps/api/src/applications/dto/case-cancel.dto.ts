import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CaseCancelDto {
  @ApiProperty({ example: 'Changed my plans', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
