import { Body, Controller, Get, Ip, NotFoundException, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TrustResponseDto } from './trust-response.dto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Can } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { AuditService } from '../audit/audit.service';
import { UpdateTrustDto } from './trust.dto';
import { Trust } from './trust.entity';

const NOT_SET_UP = 'The trust has not been set up yet: run npm run setup.';

/** The trust itself: its name, for the trust administrator. */
@ApiTags('trust')
@Controller('trust')
export class TrustController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Can('administerTrust')
  @ApiOkResponse({ type: TrustResponseDto })
  async get(): Promise<{ id: string; name: string }> {
    const trust = await this.dataSource.manager.findOne(Trust, { where: {}, order: { createdAt: 'ASC' } });
    if (!trust) throw new NotFoundException(NOT_SET_UP);
    return { id: trust.id, name: trust.name };
  }

  @Patch()
  @Can('administerTrust')
  @ApiOkResponse({ type: TrustResponseDto })
  async update(
    @Body() dto: UpdateTrustDto,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<{ id: string; name: string }> {
    return this.dataSource.transaction(async (manager) => {
      const trust = await manager.findOne(Trust, { where: {}, order: { createdAt: 'ASC' } });
      if (!trust) throw new NotFoundException(NOT_SET_UP);
      const name = dto.name.trim();
      await manager.update(Trust, { id: trust.id }, { name });
      await this.audit.record(
        {
          userId: user.id,
          action: 'trust.update',
          entityType: 'trust',
          entityId: trust.id,
          details: { before: trust.name, after: name },
          ip,
        },
        manager,
      );
      return { id: trust.id, name };
    });
  }
}
