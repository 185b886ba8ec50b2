import { ApiProperty } from '@nestjs/swagger';

export class PingResponseDto {
  @ApiProperty() workflowId!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'When the worker wrote the row' }) recordedAt!: string;
}
