import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access/access.decorator';
import { SetupDto } from './setup.dto';
import { SetupService } from './setup.service';

/** The first-run page's API: open to anyone, but only while nobody has set Encounters up. */
@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(private readonly setup: SetupService) {}

  @Get()
  @Public()
  @ApiOkResponse({ schema: { example: { needed: true } } })
  async status(): Promise<{ needed: boolean }> {
    return { needed: await this.setup.needed() };
  }

  @Post()
  @Public()
  @HttpCode(201)
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
