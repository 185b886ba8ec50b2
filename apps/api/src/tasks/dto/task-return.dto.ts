import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, MaxLength, ValidateBy, ValidateNested } from 'class-validator';
import { parseFieldPath } from '@onetrip/domain';

export const FORM_PATH_MESSAGE = 'field must be a path of the form, e.g. legalRepresentative.idNumber or shareholders[0].idNumber';

// The path's syntax here; whether the case's form has it is the service's check (it knows the case's definition).
const IsFormPath = (): PropertyDecorator =>
  ValidateBy({
    name: 'isFormPath',
    validator: {
      validate: (value) => typeof value === 'string' && parseFieldPath(value) !== null,
      defaultMessage: () => FORM_PATH_MESSAGE,
    },
  });

export class TaskReturnItemDto {
  @ApiProperty({ example: 'legalRepresentative.idNumber' })
  @IsString()
  @MaxLength(200)
  @IsFormPath()
  field!: string;

  @ApiProperty({ example: 'The ID number does not match the ID card', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Back to the applicant for correction; merged with other departments' items into one notice (一次告知). */
export class TaskReturnDto {
  @ApiProperty({ type: [TaskReturnItemDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TaskReturnItemDto)
  items!: TaskReturnItemDto[];
}
