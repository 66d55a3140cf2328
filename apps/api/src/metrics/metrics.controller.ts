import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../common/access/access.decorator';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Metrics } from './metrics.service';

/** Prometheus metrics, for a scraper holding METRICS_TOKEN; off (404) while that is unset. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: FastifyReply) {
    const token = this.config.METRICS_TOKEN;
    if (!token) throw new NotFoundException('Metrics are off: set METRICS_TOKEN to turn them on.');
    const given = Buffer.from(/^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      void response.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
    }
    void response.header('Content-Type', this.metrics.registry.contentType);
    void response.send(await this.metrics.registry.metrics());
  }
}
