import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An applicant's account as the window sees it: the mobile masked. */
export class ApplicantResponseDto {
  @ApiProperty({ example: 'wang-wu' }) username!: string;
  @ApiProperty({ example: '王五' }) name!: string;
  @ApiProperty({ example: '138****1111' }) maskedMobile!: string;
  @ApiProperty({ description: 'False until the applicant has set a password' }) canSignIn!: boolean;
  @ApiProperty({ enum: ['PENDING', 'ACTIVE'], description: 'PENDING: opened at the window and not yet confirmed by the code texted to the mobile; the window may file for it only once ACTIVE' })
  status!: 'PENDING' | 'ACTIVE';
  @ApiPropertyOptional({ format: 'date-time', description: 'PENDING: when the current code was texted (absent while it has not gone out)' }) codeSentAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'PENDING: when the current code stops working' }) codeExpiresAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'PENDING: from when another code may be sent' }) resendAt?: string;
  @ApiPropertyOptional({ description: 'PENDING: wrong codes still allowed for the current code', minimum: 0 }) attemptsLeft?: number;
}

export class ApplicantCreatedResponseDto extends ApplicantResponseDto {
  @ApiProperty({ description: 'False when an account with this name and mobile already existed (a repeated request): that one is answered' }) created!: boolean;
}
