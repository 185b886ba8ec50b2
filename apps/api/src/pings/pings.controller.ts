import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/roles.decorator';
import { PingCreateDto } from './dto/ping-create.dto';
import { PingResponseDto } from './dto/ping-response.dto';
import { PingsService } from './pings.service';

@ApiTags('diagnostics')
@ApiBearerAuth()
@Controller('pings')
export class PingsController {
  constructor(private readonly pings: PingsService) {}

  @Post()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Round trip API → Temporal → worker → PostgreSQL and back' })
  @ApiCreatedResponse({ type: PingResponseDto })
  create(@Body() dto: PingCreateDto): Promise<PingResponseDto> {
    return this.pings.ping(dto);
  }
}
