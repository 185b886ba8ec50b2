import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** POST /window/applicants/lookup: the name as registered and the last four digits of the mobile. */
export class ApplicantLookupDto {
  @ApiProperty({ example: '王五', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '5678', pattern: '^\\d{4}$' })
  @IsString()
  @Matches(/^\d{4}$/, { message: 'mobileLast4 must be the last four digits of the mobile number' })
  mobileLast4!: string;
}
