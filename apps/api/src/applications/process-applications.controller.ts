import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { RateLimited } from '../rate-limit/rate-limit.guard';
import { ApplicationsService } from './applications.service';
import { CaseResponseDto } from './dto/case-response.dto';
import { ProcessApplicationCreateDto } from './dto/process-application-create.dto';
import { ProcessKeyParamsDto } from './dto/process-key-params.dto';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('processes')
export class ProcessApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post(':key/applications')
  @Roles('APPLICANT', 'WINDOW')
  @RateLimited('SUBMIT')
  @ApiOperation({ summary: "File a case of any active process: the form is checked against its definition's schema and rules" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key and body give back the same case; another body → 409' })
  @ApiCreatedResponse({ type: CaseResponseDto })
  @ApiBadRequestResponse({ description: 'Every failing field path at once, under form.' })
  @ApiNotFoundResponse({ description: 'No active version of the process' })
  @ApiConflictResponse({ description: 'IDEMPOTENCY_KEY_REUSED' })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: ProcessKeyParamsDto,
    @Body() dto: ProcessApplicationCreateDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<CaseResponseDto> {
    return this.applications.fileProcess(user, params.key, dto, key);
  }
}
