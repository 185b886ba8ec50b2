import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The body of POST /auth/refresh and POST /auth/sign-out. */
export class TokenRefreshDto {
  @ApiProperty({ description: 'The refresh token from sign-in or the last refresh', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}
