import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateNested } from 'class-validator';

export const MAX_DECODED_PAYLOADS = 1000;

/** A payload as Temporal's codec-server protocol sends it: metadata values and data in base64. */
export class PayloadJsonDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string', format: 'byte' }, example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' } })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ format: 'byte' })
  @IsOptional()
  @IsBase64()
  data?: string;
}

/** What the Temporal Web UI and CLI (`--codec-endpoint`) post to `<endpoint>/decode`. */
export class PayloadsDecodeDto {
  @ApiProperty({ type: [PayloadJsonDto], maxItems: MAX_DECODED_PAYLOADS })
  @IsArray()
  @ArrayMaxSize(MAX_DECODED_PAYLOADS)
  @ValidateNested({ each: true })
  @Type(() => PayloadJsonDto)
  payloads!: PayloadJsonDto[];
}
