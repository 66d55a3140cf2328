import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Learner } from '../learners/learner.entity';
import { LearningGroup } from './learning-group.entity';

/** A learner in a group. Registration-group memberships mirror the roster's enrolments. */
@Entity({ name: 'group_membership' })
export class GroupMembership {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @PrimaryColumn({ name: 'learner_id', type: 'uuid' })
  learnerId: string;

  @ManyToOne(() => LearningGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: LearningGroup;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id' })
  learner?: Learner;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
