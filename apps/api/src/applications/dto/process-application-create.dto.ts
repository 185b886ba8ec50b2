import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { USERNAME_PATTERN } from '../../auth/dto/user-register.dto';

/** POST /processes/:key/applications: a form for the process's active definition (checked against its schema). */
export class ProcessApplicationCreateDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The combined form, as the definition's form schema describes it" })
  @IsObject()
  form!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'WINDOW only: the username of the applicant this case is filed for (帮代办)', example: 'zhang-san' })
  @IsOptional()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'onBehalfOf must be an applicant username' })
  onBehalfOf?: string;
}
