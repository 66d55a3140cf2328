import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/access/access.decorator';
import { ReplicaRouter, type ReplicaState } from '../database/replicas';
import { Lifecycle } from './lifecycle.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: Lifecycle,
    private readonly replicas: ReplicaRouter,
  ) {}

  /** With read replicas configured, each one's state (up, lagging or down, and its lag): never its address. */
  private replicaReport(): { replicas?: ReplicaState[] } {
    return this.replicas.configured
      ? { replicas: this.replicas.replicas.map((replica) => ({ ...replica })) }
      : {};
  }

  @Get()
  @Public()
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up' } } })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer.' })
  async check(): Promise<{ status: 'ok'; database: 'up'; replicas?: ReplicaState[] }> {
    if (!(await this.databaseUp())) {
      throw new ServiceUnavailableException({
        message: 'The database is not answering.',
        status: 'error',
        database: 'down',
        ...this.replicaReport(),
      });
    }
    return { status: 'ok', database: 'up', ...this.replicaReport() };
  }

  /** The process is up and answering: for a liveness probe, which restarts the process when it fails. */
  @Get('live')
  @Public()
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready for traffic: the database answers, every migration is applied and the app is not stopping. */
  @Get('ready')
  @Public()
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up', migrations: 'applied' } } })
  @ApiServiceUnavailableResponse({
    description: 'The database is down, a migration is pending, or the app is stopping.',
  })
  async ready(): Promise<{ status: 'ok'; database: 'up'; migrations: 'applied'; replicas?: ReplicaState[] }> {
    const up = await this.databaseUp();
    const pending = up ? await this.dataSource.showMigrations().catch(() => true) : true;
    if (!up || pending || this.lifecycle.stopping) {
      throw new ServiceUnavailableException({
        message: !up
          ? 'The database is not answering.'
          : pending
            ? 'Database migrations are pending: run npm run db:migrate or restart with MIGRATE_ON_START=true.'
            : 'Encounters is stopping.',
        status: 'error',
        database: up ? 'up' : 'down',
        migrations: !up ? 'unknown' : pending ? 'pending' : 'applied',
        ...this.replicaReport(),
      });
    }
    return { status: 'ok', database: 'up', migrations: 'applied', ...this.replicaReport() };
  }

  private async databaseUp(): Promise<boolean> {
    // With replicas, a read may be answered by one of them: the primary is asked on its own pool.
    if (this.replicas.configured) return this.replicas.pingPrimary();
    try {
      await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
      return true;
    } catch {
      return false;
    }
  }
}
