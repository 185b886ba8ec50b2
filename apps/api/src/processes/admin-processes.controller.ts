import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { ProcessDefinitionViewDto, ProcessVersionListDto } from './dto/process-definition-response.dto';
import { ProcessVersionParamsDto } from './dto/process-version-params.dto';
import { ProcessDefinitionsService } from './process-definitions.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/processes')
export class AdminProcessesController {
  constructor(private readonly definitions: ProcessDefinitionsService) {}

  @Get()
  @ApiOperation({ summary: 'Every stored version of every process, with its status (DRAFT, ACTIVE, RETIRED)' })
  @ApiOkResponse({ type: ProcessVersionListDto })
  list(): Promise<ProcessVersionListDto> {
    return this.definitions.adminList();
  }

  @Post()
  @ApiOperation({ summary: 'Upload a definition as a DRAFT, validated (audited); the same document again answers 200 with the stored version' })
  @ApiBody({ description: 'The definition document (GET /api/processes/definition-schema)', schema: { type: 'object', additionalProperties: true } })
  @ApiCreatedResponse({ type: ProcessDefinitionViewDto, description: 'Stored as a DRAFT' })
  @ApiOkResponse({ type: ProcessDefinitionViewDto, description: 'This very document is stored already (same checksum): nothing written' })
  @ApiBadRequestResponse({ description: 'PROCESS_DEFINITION_INVALID: every rule it breaks, by JSON path, in `problems`' })
  @ApiConflictResponse({ description: 'PROCESS_VERSION_EXISTS: this key and version are stored with another body' })
  async upload(@CurrentUser() user: AuthenticatedUser, @Body() document: unknown, @Res({ passthrough: true }) res: Response): Promise<ProcessDefinitionViewDto> {
    const { created, view } = await this.definitions.upload(user, document);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return view;
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One stored version of any status, drafts included' })
  @ApiOkResponse({ type: ProcessDefinitionViewDto })
  version(@Param() params: ProcessVersionParamsDto): Promise<ProcessDefinitionViewDto> {
    return this.definitions.adminView(params.key, params.version);
  }

  @Post(':key/versions/:version/activate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Make a DRAFT (or a RETIRED version, to roll back) the ACTIVE one; the previous ACTIVE version is RETIRED in the same transaction (audited)' })
  @ApiOkResponse({ type: ProcessDefinitionViewDto })
  @ApiBadRequestResponse({ description: 'PROCESS_DEFINITION_INVALID: it no longer passes the validator (a step kind is gone)' })
  activate(@CurrentUser() user: AuthenticatedUser, @Param() params: ProcessVersionParamsDto): Promise<ProcessDefinitionViewDto> {
    return this.definitions.activate(user, params.key, params.version);
  }

  @Post(':key/versions/:version/retire')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Retire a version: no new case is filed under it, running cases finish on it (audited)' })
  @ApiOkResponse({ type: ProcessDefinitionViewDto })
  retire(@CurrentUser() user: AuthenticatedUser, @Param() params: ProcessVersionParamsDto): Promise<ProcessDefinitionViewDto> {
    return this.definitions.retire(user, params.key, params.version);
  }
}
