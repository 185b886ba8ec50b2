import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength, ValidateBy } from 'class-validator';
import { isValidMobile } from '@onetrip/domain';

/** A mainland mobile number (domain rule); the value is never echoed in the message. */
const IsMainlandMobile = (): PropertyDecorator =>
  ValidateBy({
    name: 'isMainlandMobile',
    validator: {
      validate: (value) => typeof value === 'string' && isValidMobile(value),
      defaultMessage: () => 'mobile must be a mainland mobile number: 11 digits starting with 13–19',
    },
  });

/** POST /window/applicants: the window opens an account for a walk-in applicant. */
export class ApplicantCreateDto {
  @ApiProperty({ example: '王五', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: '13800001111', description: 'Mainland mobile number' })
  @IsString()
  @MaxLength(20)
  @IsMainlandMobile()
  mobile!: string;
}
