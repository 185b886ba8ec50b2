import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { TaskReturnItemDto } from '../../tasks/dto/task-return.dto';

export const CALLBACK_DECISIONS = ['COMPLETE', 'RETURN', 'REJECT'] as const;

/** A department system's decision on a task it accepted with 202 (docs/connectors.md); the request is signed. */
export class ConnectorCallbackDto {
  @ApiProperty({ example: '6f1c…-….TAX.1', description: 'The task id the worker sent (also its Idempotency-Key)' })
  @IsString()
  @Length(1, 200)
  taskId!: string;

  @ApiProperty({ enum: CALLBACK_DECISIONS })
  @IsIn(CALLBACK_DECISIONS)
  decision!: (typeof CALLBACK_DECISIONS)[number];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: "COMPLETE: what the department issued, as its clerk would type it (the step's outputs)" })
  @IsOptional()
  @IsObject()
  outputs?: Record<string, string>;

  @ApiPropertyOptional({ type: [TaskReturnItemDto], minItems: 1, maxItems: 50, description: 'RETURN: the fields to correct (paths the step reads) and why' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TaskReturnItemDto)
  items?: TaskReturnItemDto[];

  @ApiPropertyOptional({ maxLength: 500, description: 'REJECT: why' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ConnectorCallbackResponseDto {
  @ApiProperty() taskId!: string;
  @ApiProperty({ enum: ['DONE', 'RETURNED', 'REJECTED'], description: "The task's status after the decision" }) status!: string;
  @ApiProperty({ description: 'True when this callback repeated a decision already taken (nothing was decided again)' }) duplicate!: boolean;
}
