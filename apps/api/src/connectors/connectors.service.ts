import { Injectable } from '@nestjs/common';
import { systemDecisionProblem } from '@onetrip/domain';
import { systemActorId, type TaskDecisionKind } from '@onetrip/workflows/contracts';
import { CaseReader } from '../applications/case-reader.service';
import { AppError } from '../common/app-error';
import { validationFailed } from '../common/validation';
import { CaseWorkflowGateway } from '../temporal/case-workflow.gateway';
import { TasksRepository, type TaskRow } from '../tasks/tasks.repository';
import type { ConnectorCallbackDto, ConnectorCallbackResponseDto } from './dto/connector-callback.dto';

const STATUS_OF: Record<TaskDecisionKind, string> = { COMPLETE: 'DONE', RETURN: 'RETURNED', REJECT: 'REJECTED' };
const DECIDED = new Set(['DONE', 'RETURNED', 'REJECTED']);
const REFUSED_AS_CLOSED = new Set(['TASK_NOT_OPEN', 'CASE_CLOSED']);

/**
 * The departments' own systems calling back (SYSTEM mode): a signed decision on a task the department accepted
 * with 202 becomes the step's decision through the case workflow's decideTask Update, like a clerk's. The same
 * callback again answers the first decision (nothing decided twice); another decision on a closed task is 409.
 */
@Injectable()
export class ConnectorsService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly cases: CaseReader,
    private readonly workflows: CaseWorkflowGateway,
  ) {}

  async callback(department: string, dto: ConnectorCallbackDto): Promise<ConnectorCallbackResponseDto> {
    const task = await this.tasks.find(dto.taskId);
    // Another department's task, or one no system decides, is not this system's to know about.
    if (!task || task.department !== department || task.mode !== 'SYSTEM') throw new AppError('NOT_FOUND', 'No such task for this department system');
    const record = await this.cases.find(task.case_id);
    if (!record) throw new AppError('NOT_FOUND', 'No such task for this department system');
    const definition = await this.cases.definitionOf(record);
    const step = definition.steps.find((candidate) => candidate.id === task.step_id);
    if (!step) throw new AppError('NOT_FOUND', 'No such task for this department system');
    const problem = systemDecisionProblem(step, dto);
    if (problem) throw validationFailed([{ path: dto.decision === 'COMPLETE' ? 'outputs' : dto.decision === 'RETURN' ? 'items' : 'reason', messages: [problem] }]);

    if (DECIDED.has(task.status) || task.status === 'CANCELLED') return this.alreadyDecided(task, dto.decision);
    try {
      const result = await this.workflows.decideTask(task.case_id, {
        taskId: task.id,
        actorId: systemActorId(department),
        decision: dto.decision,
        ...(dto.outputs ? { outputs: dto.outputs } : {}),
        ...(dto.items ? { items: dto.items.map(({ field, reason }) => ({ field, reason })) } : {}),
        ...(dto.reason ? { reason: dto.reason } : {}),
      });
      return { taskId: task.id, status: result.status, duplicate: false };
    } catch (error) {
      // Decided meanwhile (a duplicate callback racing this one, or the immediate answer): read what stands.
      if (error instanceof AppError && REFUSED_AS_CLOSED.has(error.code)) {
        const current = await this.tasks.find(task.id);
        if (current) return this.alreadyDecided(current, dto.decision);
      }
      throw error;
    }
  }

  /** The same decision again is answered as taken (one decision); any other on a closed task is refused. */
  private alreadyDecided(task: TaskRow, decision: TaskDecisionKind): ConnectorCallbackResponseDto {
    if (task.status === STATUS_OF[decision]) return { taskId: task.id, status: task.status, duplicate: true };
    throw new AppError('TASK_NOT_OPEN', `Refused (TASK_NOT_OPEN): the task is ${task.status}`);
  }
}
