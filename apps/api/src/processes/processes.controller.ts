import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import definitionSchema from '@onetrip/domain/engine/process-definition.schema.json';
import { Public } from '../common/public.decorator';
import { ProcessCatalogDto, ProcessDefinitionViewDto } from './dto/process-definition-response.dto';
import { ProcessVersionParamsDto } from './dto/process-version-params.dto';
import { ProcessDefinitionsService } from './process-definitions.service';

// Public, like the application rules: the processes on offer and their forms are no secret, and the
// pages render the wizard from them before anyone signs in.
@ApiTags('processes')
@Public()
@Controller('processes')
export class ProcessesController {
  constructor(private readonly definitions: ProcessDefinitionsService) {}

  @Get()
  @ApiOperation({ summary: 'The processes that can be filed now: the ACTIVE version of each, with its form, steps and outcome' })
  @ApiOkResponse({ type: ProcessCatalogDto })
  catalog(): Promise<ProcessCatalogDto> {
    return this.definitions.catalog();
  }

  @Get('definition-schema')
  @ApiOperation({ summary: 'The published JSON Schema (2020-12) of a process definition document' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  definitionSchema(): Record<string, unknown> {
    return definitionSchema;
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One ACTIVE or RETIRED version (a case shows the version it was filed under); a draft is not published' })
  @ApiOkResponse({ type: ProcessDefinitionViewDto })
  version(@Param() params: ProcessVersionParamsDto): Promise<ProcessDefinitionViewDto> {
    return this.definitions.publicView(params.key, params.version);
  }
}
