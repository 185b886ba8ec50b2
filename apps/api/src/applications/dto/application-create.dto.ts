import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { USERNAME_PATTERN } from '../../auth/dto/user-register.dto';
import { ApplicationFormDto } from './application-form.dto';

/** POST /applications: the combined form; a window clerk also names the applicant it files for. */
export class ApplicationCreateDto extends ApplicationFormDto {
  @ApiPropertyOptional({ description: 'WINDOW only: the username of the applicant this case is filed for (帮代办)', example: 'zhang-san' })
  @IsOptional()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'onBehalfOf must be an applicant username' })
  onBehalfOf?: string;
}
