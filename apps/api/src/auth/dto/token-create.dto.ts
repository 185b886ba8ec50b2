import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class TokenCreateDto {
  @ApiProperty({ example: 'clerk-samr' })
  @IsString()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(200)
  password!: string;
}
