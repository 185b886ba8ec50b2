import { ApiProperty } from '@nestjs/swagger';
import { UserResponseDto } from './user-response.dto';

export class TokenResponseDto {
  @ApiProperty({ description: 'Bearer token (JWT, HS256), valid for 15 minutes' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900, type: 'integer' }) expiresIn!: number;
  @ApiProperty({
    description: 'Use once with POST /auth/refresh for the next access and refresh token (the session lasts 12 hours from sign-in); POST /auth/sign-out ends it',
  })
  refreshToken!: string;
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
}

export class SignOutResponseDto {
  @ApiProperty({ enum: [true], description: 'Always true: the refresh token no longer works, whatever it was' }) signedOut!: true;
}
