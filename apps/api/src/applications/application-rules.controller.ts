import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { ApplicationRulesService } from './application-rules.service';
import { ApplicationRulesResponseDto } from './dto/application-rules-response.dto';

@ApiTags('applications')
@Controller('application-rules')
export class ApplicationRulesController {
  constructor(private readonly rules: ApplicationRulesService) {}

  // Public: the rules are no secret, and the register page may check before anyone signs in.
  @Get()
  @Public()
  @ApiOperation({ summary: 'The form rules in force (jurisdiction, forbidden name words): the pages check the form with them before sending' })
  @ApiOkResponse({ type: ApplicationRulesResponseDto })
  settings(): ApplicationRulesResponseDto {
    return this.rules.settings();
  }
}
