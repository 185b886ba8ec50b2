import { ApiProperty } from '@nestjs/swagger';

/** An applicant's account as the window sees it: the mobile masked. */
export class ApplicantResponseDto {
  @ApiProperty({ example: 'wang-wu' }) username!: string;
  @ApiProperty({ example: '王五' }) name!: string;
  @ApiProperty({ example: '138****1111' }) maskedMobile!: string;
  @ApiProperty({ description: 'False until the applicant has set a password (confirmed with a code sent to the mobile)' }) canSignIn!: boolean;
}

export class ApplicantCreatedResponseDto extends ApplicantResponseDto {
  @ApiProperty({ description: 'False when an account with this name and mobile already existed (a repeated request): that one is answered' }) created!: boolean;
}
