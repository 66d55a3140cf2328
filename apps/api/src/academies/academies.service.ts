import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import { type AccessScope, seesAcademy } from '../common/access/policy';
import { Trust } from '../trust/trust.entity';
import { Academy } from './academy.entity';
import { CreateAcademyDto } from './dto/create-academy.dto';
import { UpdateAcademyDto } from './dto/update-academy.dto';

@Injectable()
export class AcademiesService {
  constructor(
    @InjectRepository(Academy) private readonly academies: Repository<Academy>,
    @InjectRepository(Trust) private readonly trusts: Repository<Trust>,
    private readonly dataSource: DataSource,
    private readonly progress: LearnerProgressService,
  ) {}

  /** The academies the scope reaches; without a scope, every academy (for trust-wide work). */
  list(scope?: AccessScope): Promise<Academy[]> {
    const where = scope && !scope.trustWide ? { id: In(scope.memberAcademyIds) } : {};
    return this.academies.find({ where, order: { name: 'ASC' } });
  }

  async get(id: string, scope?: AccessScope): Promise<Academy> {
    const academy = scope && !seesAcademy(scope, id) ? null : await this.academies.findOneBy({ id });
    if (!academy) throw new NotFoundException('No such academy.');
    return academy;
  }

  async create(dto: CreateAcademyDto): Promise<Academy> {
    const trust = await this.trusts.findOne({ where: {}, order: { createdAt: 'ASC' } });
    if (!trust) throw new NotFoundException('The trust has not been set up yet.');
    await this.assertUrnFree(dto.urn);
    return this.academies.save(this.academies.create({ ...dto, trustId: trust.id }));
  }

  async update(id: string, dto: UpdateAcademyDto): Promise<Academy> {
    const academy = await this.get(id);
    if (dto.urn && dto.urn !== academy.urn) await this.assertUrnFree(dto.urn);
    if (!dto.evaluationType || dto.evaluationType === academy.evaluationType) {
      return this.academies.save(this.academies.merge(academy, dto));
    }
    // R-V-1: the evaluation type changes which rules apply to every learner ever enrolled there: their
    // progress is recomputed in the same transaction.
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(Academy, this.academies.merge(academy, dto));
      const learners: { learner_id: string }[] = await manager.query(
        'SELECT DISTINCT learner_id FROM enrolment WHERE academy_id = $1',
        [id],
      );
      await this.progress.learnersChanged(
        manager,
        learners.map((row) => row.learner_id),
      );
      return saved;
    });
  }

  private async assertUrnFree(urn: string): Promise<void> {
    const existing = await this.academies.findOneBy({ urn });
    if (existing) {
      throw new ConflictException({
        message: `An academy with URN ${urn} already exists.`,
        existingId: existing.id,
      });
    }
  }
}
