import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

// The key's form in the validator (lower-case words joined by hyphens), so a bad one is a 400, not a lookup.
export const PROCESS_KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `:key/versions/:version` in the processes' routes. */
export class ProcessVersionParamsDto {
  @ApiProperty({ example: 'enterprise-opening', pattern: PROCESS_KEY_PATTERN.source })
  @Matches(PROCESS_KEY_PATTERN, { message: 'key must be lower-case words joined by hyphens' })
  key!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}
