import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PROCESS_KEY_PATTERN } from '../../processes/dto/process-version-params.dto';

/** `:key` of POST /processes/:key/applications. */
export class ProcessKeyParamsDto {
  @ApiProperty({ example: 'restaurant-opening', pattern: PROCESS_KEY_PATTERN.source })
  @Matches(PROCESS_KEY_PATTERN, { message: 'key must be lower-case words joined by hyphens' })
  key!: string;
}
