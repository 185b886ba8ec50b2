import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { AnySignedIn, Public } from '../common/public.decorator';
import { Roles } from '../common/roles.decorator';
import { ObjectionCreateDto } from './dto/objection-create.dto';
import { ObjectionDto, ObjectionListDto, PublicNoticeListDto } from './dto/notice-response.dto';
import { NoticesService } from './notices.service';

@ApiTags('notices')
@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('notices')
  @Public()
  @ApiOperation({ summary: 'Enterprises in their notice period now (公示期): name, code and dates only, soonest ending first' })
  @ApiOkResponse({ type: PublicNoticeListDto })
  list(): Promise<PublicNoticeListDto> {
    return this.notices.list();
  }

  @Post('notices/:id/objections')
  @ApiBearerAuth()
  // Anyone signed in, as the notice is to all: applicants, the window for a visitor, and officials (a department may be a creditor too).
  @AnySignedIn()
  @ApiOperation({ summary: 'Object to a case in its notice period (any signed-in user); a SAMR clerk rules on it. Idempotent by clientKey' })
  @ApiCreatedResponse({ type: ObjectionDto })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({ description: 'NOTICE_NOT_OPEN: not in a notice period taking objections; IDEMPOTENCY_KEY_REUSED: the key names another objection' })
  raise(@CurrentUser() user: AuthenticatedUser, @Param('id') caseId: string, @Body() dto: ObjectionCreateDto): Promise<ObjectionDto> {
    return this.notices.raise(user, caseId, dto);
  }

  @Get('tasks/:id/objections')
  @ApiBearerAuth()
  @Roles('CLERK', 'ADMIN')
  @ApiOperation({ summary: 'The objections an objection task rules on (personal data in the reasons masked); empty for any other task' })
  @ApiOkResponse({ type: ObjectionListDto })
  @ApiNotFoundResponse({ description: 'No such task' })
  objections(@Param('id') taskId: string): Promise<ObjectionListDto> {
    return this.notices.objections(taskId);
  }
}
