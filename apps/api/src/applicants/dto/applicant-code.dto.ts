import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { USERNAME_PATTERN } from '../../auth/dto/user-register.dto';

/** POST /window/applicants/codes: text the walk-in a new code (after the cooldown). */
export class ApplicantCodeSendDto {
  @ApiProperty({ example: 'walkin-1a2b3c4d', description: 'The account the window opened' })
  @IsString()
  @MaxLength(32)
  @Matches(USERNAME_PATTERN, { message: 'username must be an applicant username' })
  username!: string;
}

/** POST /window/applicants/confirmations: the code the applicant reads from their phone, typed by the window. */
export class ApplicantConfirmDto extends ApplicantCodeSendDto {
  @ApiProperty({ example: '123456', pattern: '^\\d{6}$' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits of the text message' })
  code!: string;
}
