import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { AdminCasesService } from './admin-cases.service';
import { AdminCaseActionDto } from './dto/admin-case-action.dto';
import { AdminCaseListQueryDto } from './dto/admin-case-list-query.dto';
import { AdminActionResultDto, AdminCaseDetailDto, ClerkListDto, StuckCaseListDto } from './dto/admin-case-response.dto';
import { AdminClerkListQueryDto } from './dto/admin-clerk-list-query.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/cases')
export class AdminCasesController {
  constructor(private readonly cases: AdminCasesService) {}

  @Get()
  @ApiOperation({ summary: 'Cases; with stuck=true only the stuck ones, each with its reasons, most late first' })
  @ApiOkResponse({ type: StuckCaseListDto })
  list(@Query() query: AdminCaseListQueryDto): Promise<StuckCaseListDto> {
    return this.cases.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The whole case: every task round, live pending activities, complaints, and one timeline of the audit log and the workflow history' })
  @ApiQuery({ name: 'unmask', required: false, description: 'true: show ID numbers and mobiles (the view is audited)' })
  @ApiOkResponse({ type: AdminCaseDetailDto })
  detail(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Query('unmask') unmask?: string): Promise<AdminCaseDetailDto> {
    return this.cases.detail(user, id, unmask === 'true');
  }

  @Post(':id/actions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reassign, escalate, retry a failing step now, reopen a finished step, cancel, or remind the applicant — audited with who and why' })
  @ApiOkResponse({ type: AdminActionResultDto })
  @ApiConflictResponse({ description: 'The action does not fit the case now (nothing open, nothing failing, case ended)' })
  act(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: AdminCaseActionDto): Promise<AdminActionResultDto> {
    return this.cases.act(user, id, dto);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/clerks')
export class AdminClerksController {
  constructor(private readonly cases: AdminCasesService) {}

  @Get()
  @ApiOperation({ summary: "A department's clerks, for picking whom to reassign its task to" })
  @ApiOkResponse({ type: ClerkListDto })
  list(@Query() query: AdminClerkListQueryDto): Promise<ClerkListDto> {
    return this.cases.clerks(query.department);
  }
}
