import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { PingCreateDto } from './dto/ping-create.dto';
import { PingResponseDto } from './dto/ping-response.dto';
import { PingsService } from './pings.service';

@ApiTags('diagnostics')
@Controller('pings')
export class PingsController {
  constructor(private readonly pings: PingsService) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'Round trip API → Temporal → worker → PostgreSQL and back' })
  @ApiCreatedResponse({ type: PingResponseDto })
  create(@Body() dto: PingCreateDto): Promise<PingResponseDto> {
    return this.pings.ping(dto);
  }
}
