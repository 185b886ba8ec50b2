import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { RateLimited } from '../rate-limit/rate-limit.guard';
import { ApplicationsService } from './applications.service';
import { ApplicationCreateDto } from './dto/application-create.dto';
import { ApplicationListQueryDto } from './dto/application-list-query.dto';
import { CaseCancelDto } from './dto/case-cancel.dto';
import { CaseListResponseDto, CaseResponseDto } from './dto/case-response.dto';
import { CorrectionCreateDto } from './dto/correction-create.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Roles('APPLICANT', 'WINDOW')
  @RateLimited('SUBMIT')
  @ApiOperation({ summary: 'File the combined form (一次表单); a window clerk files on behalf of an applicant with onBehalfOf' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key and body give back the same case; another body → 409' })
  @ApiCreatedResponse({ type: CaseResponseDto })
  @ApiBadRequestResponse({ description: 'Every failing field path at once' })
  @ApiConflictResponse({ description: 'IDEMPOTENCY_KEY_REUSED' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: ApplicationCreateDto, @Headers('idempotency-key') key?: string): Promise<CaseResponseDto> {
    return this.applications.create(user, dto, key);
  }

  @Get()
  @Roles('APPLICANT', 'WINDOW', 'ADMIN')
  @ApiOperation({ summary: 'My cases (a window: the cases it filed), newest first' })
  @ApiOkResponse({ type: CaseListResponseDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ApplicationListQueryDto): Promise<CaseListResponseDto> {
    return this.applications.list(user, query);
  }

  @Get(':id')
  @Roles('APPLICANT', 'WINDOW', 'ADMIN')
  @ApiOperation({ summary: 'One case: status, the five steps, the correction notice, the outcome, the fees' })
  @ApiOkResponse({ type: CaseResponseDto })
  @ApiNotFoundResponse({ description: 'No such case, or not yours' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<CaseResponseDto> {
    return this.applications.get(user, id);
  }

  @Post(':id/corrections')
  @Roles('APPLICANT', 'WINDOW')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Answer the correction notice: new values for the fields it names' })
  @ApiOkResponse({ type: CaseResponseDto })
  @ApiConflictResponse({ description: 'The case is not waiting for a correction, or the workflow refused it' })
  correct(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: CorrectionCreateDto): Promise<CaseResponseDto> {
    return this.applications.correct(user, id, dto);
  }

  @Post(':id/cancel')
  @Roles('APPLICANT', 'WINDOW', 'ADMIN')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw the case' })
  @ApiOkResponse({ type: CaseResponseDto })
  @ApiConflictResponse({ description: 'The case has already ended' })
  cancel(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: CaseCancelDto): Promise<CaseResponseDto> {
    return this.applications.cancel(user, id, dto);
  }
}
