import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { PING_WORKFLOW, PingInput, PingResult } from '@onetrip/workflows/contracts';
import { ApiConfig } from '../config/api.config';
import { PingCreateDto } from './dto/ping-create.dto';
import { PingResponseDto } from './dto/ping-response.dto';

@Injectable()
export class PingsService {
  constructor(
    private readonly client: Client,
    private readonly config: ApiConfig,
  ) {}

  /** Starts the skeleton workflow and waits for the worker to have written its row. */
  async ping(dto: PingCreateDto): Promise<PingResponseDto> {
    const result = await this.client.workflow.execute<(input: PingInput) => Promise<PingResult>>(PING_WORKFLOW, {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId: `ping-${randomUUID()}`,
      args: [{ message: dto.message }],
      workflowExecutionTimeout: '30 seconds',
    });
    return { workflowId: result.workflowId, message: result.message, recordedAt: result.recordedAt };
  }
}
