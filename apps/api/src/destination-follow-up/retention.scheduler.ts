import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RetentionService } from './retention.service';

/** The job's name in the scheduler's registry. */
export const RETENTION_JOB = 'retention';

/**
 * Runs the retention job daily, at `RETENTION_SCHEDULE` (a cron expression in England's time; 02:30 unless
 * set; `off` for never: run `cli retention run` from the system's own scheduler instead). Every API process
 * schedules it; the job's advisory lock lets one of them do the work.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly retention: RetentionService,
  ) {}

  onApplicationBootstrap(): void {
    const schedule = this.config.RETENTION_SCHEDULE;
    if (schedule === 'off') return;
    const job = CronJob.from({
      cronTime: schedule,
      onTick: () => this.runOnce(),
      timeZone: 'Europe/London',
      waitForCompletion: true,
      start: false,
    });
    // Registered before it starts: the scheduler stops every registered job when the application closes.
    this.registry.addCronJob(RETENTION_JOB, job);
    job.start();
  }

  /** A scheduled run: its outcome logged as a count, a failure logged and left for the next day. */
  async runOnce(): Promise<void> {
    try {
      const outcome = await this.retention.run();
      if (outcome.ran) this.logger.log(`Retention: ${outcome.pseudonymised} leavers pseudonymised`);
      else this.logger.log('Retention: another process is running it');
    } catch (error) {
      this.logger.error(`Retention failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
