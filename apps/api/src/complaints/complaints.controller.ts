import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ComplaintDto, ComplaintListDto } from '../admin/dto/admin-case-response.dto';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { ComplaintsService } from './complaints.service';
import { ComplaintCreateDto, ComplaintResolveDto } from './dto/complaint-create.dto';
import { ComplaintListQueryDto } from './dto/complaint-list-query.dto';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller()
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post('applications/:id/complaints')
  @Roles('APPLICANT', 'WINDOW')
  @ApiOperation({ summary: '"Can\'t get it done" (办不好件): raise a complaint on a case; it stays on the admins\' stuck list until resolved' })
  @ApiCreatedResponse({ type: ComplaintDto })
  @ApiNotFoundResponse({ description: 'No such case, or not yours' })
  @ApiConflictResponse({ description: 'CASE_CLOSED: the case has ended; COMPLAINT_LIMIT_REACHED: too many of your complaints on it are open' })
  @ApiTooManyRequestsResponse({
    description: 'RATE_LIMITED: too many complaints from you this hour',
    headers: { 'Retry-After': { description: 'Seconds until the window ends', schema: { type: 'integer', minimum: 1 } } },
  })
  raise(@CurrentUser() user: AuthenticatedUser, @Param('id') caseId: string, @Body() dto: ComplaintCreateDto): Promise<ComplaintDto> {
    return this.complaints.raise(user, caseId, dto);
  }

  @Get('applications/:id/complaints')
  @Roles('APPLICANT', 'WINDOW')
  @ApiOperation({ summary: 'The complaints on my case, with their resolutions' })
  @ApiOkResponse({ type: [ComplaintDto] })
  listOwn(@CurrentUser() user: AuthenticatedUser, @Param('id') caseId: string): Promise<ComplaintDto[]> {
    return this.complaints.listOwn(user, caseId);
  }

  @Get('admin/complaints')
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Complaints, oldest first' })
  @ApiOkResponse({ type: ComplaintListDto })
  list(@Query() query: ComplaintListQueryDto): Promise<ComplaintListDto> {
    return this.complaints.list(query);
  }

  @Post('admin/complaints/:id/resolve')
  @Roles('ADMIN')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resolve a complaint; the applicant sees the resolution' })
  @ApiOkResponse({ type: ComplaintDto })
  @ApiConflictResponse({ description: 'Already resolved' })
  resolve(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() dto: ComplaintResolveDto): Promise<ComplaintDto> {
    return this.complaints.resolve(user, id, dto);
  }
}
