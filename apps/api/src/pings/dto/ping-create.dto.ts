import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class PingCreateDto {
  @ApiProperty({ example: 'hello', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  message!: string;
}
