import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../common/access/access.decorator';
import { SetupDto, SetupResultDto, SetupStatusDto } from './setup.dto';
import { SetupService } from './setup.service';
import { Reads } from '../common/http/routes';

/** The first-run page's API: open to anyone, but only while nobody has set Encounters up. */
@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Public()
  @Reads('Whether Encounters still needs setting up (the first-run page)', SetupStatusDto)
  async status(): Promise<{ needed: boolean }> {
    return { needed: await this.setup.needed() };
  }

  @Post()
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Set Encounters up: the trust, its first administrator and its academies' })
  @ApiCreatedResponse({ type: SetupResultDto })
  @ApiForbiddenResponse({ description: 'The set-up code is not right.' })
  @ApiConflictResponse({ description: 'Encounters is already set up.' })
  async setUp(@Body() dto: SetupDto, @Ip() ip: string) {
    const result = await this.setup.setUpWithCode(
      dto.code,
      {
        trustName: dto.trustName,
        admin: { email: dto.adminEmail, name: dto.adminName, password: dto.password },
        academiesCsv: dto.academiesCsv,
      },
      ip,
    );
    return { trust: result.trust, admin: result.admin, academies: result.academies.length };
  }
}
