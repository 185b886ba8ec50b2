import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { TaskCompleteDto } from './dto/task-complete.dto';
import { TaskListQueryDto } from './dto/task-list-query.dto';
import { TaskRejectDto } from './dto/task-reject.dto';
import { TaskDecisionResponseDto, TaskDetailResponseDto, TaskListResponseDto, TaskSummaryDto } from './dto/task-response.dto';
import { TaskReturnDto } from './dto/task-return.dto';
import { TasksService } from './tasks.service';

// Another department's task answers 404 like a task that does not exist: the id reveals nothing.
const TASK_NOT_FOUND = { description: 'No such task, or another department’s (not revealed)' };

@ApiTags('tasks')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not a clerk' })
@Roles('CLERK')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'My department’s inbox in one status, soonest due first' })
  @ApiOkResponse({ type: TaskListResponseDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: TaskListQueryDto): Promise<TaskListResponseDto> {
    return this.tasks.list(user, query);
  }

  @Get(':id')
  @ApiNotFoundResponse(TASK_NOT_FOUND)
  @ApiOperation({ summary: 'A task with the part of the form this department reads' })
  @ApiOkResponse({ type: TaskDetailResponseDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<TaskDetailResponseDto> {
    return this.tasks.get(user, id);
  }

  @Post(':id/claim')
  @ApiNotFoundResponse(TASK_NOT_FOUND)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take an open task' })
  @ApiOkResponse({ type: TaskSummaryDto })
  @ApiConflictResponse({ description: 'Claimed by another clerk, or no longer open' })
  claim(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<TaskSummaryDto> {
    return this.tasks.claim(user, id);
  }

  @Post(':id/complete')
  @ApiNotFoundResponse(TASK_NOT_FOUND)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Complete the step (claims it first if need be)' })
  @ApiOkResponse({ type: TaskDecisionResponseDto })
  @ApiConflictResponse({ description: 'Claimed by another clerk, already decided, or refused by the workflow' })
  complete(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: TaskCompleteDto): Promise<TaskDecisionResponseDto> {
    return this.tasks.complete(user, id, dto);
  }

  @Post(':id/return')
  @ApiNotFoundResponse(TASK_NOT_FOUND)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Return the case to the applicant for correction' })
  @ApiOkResponse({ type: TaskDecisionResponseDto })
  @ApiConflictResponse({ description: 'Claimed by another clerk, already decided, or refused by the workflow' })
  returnForCorrection(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: TaskReturnDto): Promise<TaskDecisionResponseDto> {
    return this.tasks.returnForCorrection(user, id, dto);
  }

  @Post(':id/reject')
  @ApiNotFoundResponse(TASK_NOT_FOUND)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Refuse the step: the case ends REJECTED' })
  @ApiOkResponse({ type: TaskDecisionResponseDto })
  @ApiConflictResponse({ description: 'Claimed by another clerk, already decided, or refused by the workflow' })
  reject(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: TaskRejectDto): Promise<TaskDecisionResponseDto> {
    return this.tasks.reject(user, id, dto);
  }
}
