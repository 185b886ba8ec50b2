import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Refuses the step, which ends the whole case as REJECTED. */
export class TaskRejectDto {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
