import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ComplaintCreateDto {
  @ApiProperty({ description: 'What could not get done (办不好件)', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  text!: string;
}

export class ComplaintResolveDto {
  @ApiProperty({ description: 'What was done about it; the applicant sees it', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  resolution!: string;
}
