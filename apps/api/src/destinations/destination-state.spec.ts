import {
  auditDetails,
  destinationRuleOf,
  type HeldDestination,
  planDestination,
  type PlanContext,
} from './destination-state';

const TODAY = '2026-12-01';
const context: PlanContext = { today: TODAY, organisationName: null };
const heldFields = {
  category: 'further_education',
  providerName: 'Potteries College',
  organisationId: 'org-college',
  status: 'applied',
  notes: 'Worried about the bus fare.',
} as const;
const held: HeldDestination = { ...heldFields, lastStatusOn: '2026-11-20' };

describe(planDestination.name, () => {
  describe('a new destination (R-DEST-1)', () => {
    it('starts its history with the status, dated today unless another day is given', () => {
      expect(planDestination(null, { category: 'apprenticeship', status: 'considering' }, context)).toEqual({
        kind: 'create',
        fields: {
          category: 'apprenticeship',
          providerName: null,
          organisationId: null,
          status: 'considering',
          notes: null,
        },
        statusChange: { status: 'considering', on: TODAY },
      });
      const sut = planDestination(
        null,
        { category: 'apprenticeship', status: 'applied', statusOn: '2026-10-03' },
        context,
      );
      expect(sut).toMatchObject({ kind: 'create', statusChange: { status: 'applied', on: '2026-10-03' } });
    });

    it('names the provider after the organisation given, unless a provider name is given too', () => {
      const named = planDestination(
        null,
        { category: 'further_education', status: 'applied', organisationId: 'org-college' },
        { today: TODAY, organisationName: 'Potteries College' },
      );
      expect(named).toMatchObject({
        kind: 'create',
        fields: { providerName: 'Potteries College', organisationId: 'org-college' },
      });
      const own = planDestination(
        null,
        {
          category: 'further_education',
          status: 'applied',
          organisationId: 'org-college',
          providerName: '  Potteries College, Stoke campus ',
        },
        { today: TODAY, organisationName: 'Potteries College' },
      );
      expect(own).toMatchObject({ fields: { providerName: 'Potteries College, Stoke campus' } });
    });

    it('needs a category and a status', () => {
      expect(planDestination(null, { category: 'employment' }, context)).toEqual({
        kind: 'invalid',
        problems: [{ field: 'status', reason: 'status is required' }],
      });
    });

    it('refuses a status dated in the future', () => {
      const sut = planDestination(
        null,
        { category: 'employment', status: 'offered', statusOn: '2026-12-02' },
        context,
      );
      expect(sut).toMatchObject({ kind: 'invalid', problems: [{ field: 'statusOn', value: '2026-12-02' }] });
    });

    it('keeps blank notes and provider as nothing', () => {
      const sut = planDestination(
        null,
        { category: 'not_known', status: 'considering', providerName: '  ', notes: '' },
        context,
      );
      expect(sut).toMatchObject({ kind: 'create', fields: { providerName: null, notes: null } });
    });
  });

  describe('a change to the destination held', () => {
    it('appends a dated status change when the status changes', () => {
      const sut = planDestination(held, { status: 'offered', statusOn: '2026-11-25' }, context);
      expect(sut).toEqual({
        kind: 'update',
        fields: { ...heldFields, status: 'offered' },
        changed: ['status'],
        statusChange: { status: 'offered', on: '2026-11-25' },
      });
    });

    it('dates the change today when no day is given, and accepts a second change on the same day', () => {
      const sut = planDestination({ ...held, lastStatusOn: TODAY }, { status: 'offered' }, context);
      expect(sut).toMatchObject({ kind: 'update', statusChange: { status: 'offered', on: TODAY } });
    });

    it('refuses a status change dated before the latest one', () => {
      const sut = planDestination(held, { status: 'offered', statusOn: '2026-11-19' }, context);
      expect(sut).toEqual({
        kind: 'invalid',
        problems: [
          {
            field: 'statusOn',
            value: '2026-11-19',
            reason: 'must not be before the latest status change (2026-11-20)',
          },
        ],
      });
    });

    it('sees the same status again as no change, whatever day it is given', () => {
      expect(planDestination(held, { status: 'applied', statusOn: '2026-11-30' }, context)).toEqual({
        kind: 'unchanged',
      });
    });

    it('sees the same entry sent again as no change (batches and imports are idempotent)', () => {
      const entry = {
        category: held.category,
        organisationId: held.organisationId,
        status: held.status,
      };
      expect(planDestination(held, entry, { today: TODAY, organisationName: 'Renamed College' })).toEqual({
        kind: 'unchanged',
      });
      expect(planDestination(held, { ...entry, providerName: 'Potteries College' }, context)).toEqual({
        kind: 'unchanged',
      });
    });

    it('changes other fields in place, with no status change', () => {
      const sut = planDestination(held, { category: 't_level', notes: 'Bus pass sorted.' }, context);
      expect(sut).toMatchObject({
        kind: 'update',
        changed: ['category', 'notes'],
        statusChange: null,
        fields: { category: 't_level', notes: 'Bus pass sorted.', status: 'applied' },
      });
    });

    it('renames the provider after a newly given organisation', () => {
      const sut = planDestination(
        held,
        { organisationId: 'org-sixth-form' },
        { today: TODAY, organisationName: 'Trent Sixth Form' },
      );
      expect(sut).toMatchObject({
        kind: 'update',
        changed: ['providerName', 'organisationId'],
        fields: { providerName: 'Trent Sixth Form', organisationId: 'org-sixth-form' },
      });
    });

    it('drops the organisation when the provider name changes without one', () => {
      const sut = planDestination(held, { providerName: 'Stoke Sixth Form College' }, context);
      expect(sut).toMatchObject({
        kind: 'update',
        changed: ['providerName', 'organisationId'],
        fields: { providerName: 'Stoke Sixth Form College', organisationId: null },
      });
    });

    it('clears the provider, the organisation and the notes on null, but never the category or status', () => {
      const cleared = planDestination(
        held,
        { providerName: null, organisationId: null, notes: null },
        context,
      );
      expect(cleared).toMatchObject({
        kind: 'update',
        changed: ['providerName', 'organisationId', 'notes'],
        fields: { providerName: null, organisationId: null, notes: null },
      });
      expect(planDestination(held, { category: null, status: null }, context)).toEqual({
        kind: 'invalid',
        problems: [
          { field: 'category', reason: 'category cannot be cleared' },
          { field: 'status', reason: 'status cannot be cleared' },
        ],
      });
    });
  });
});

describe(auditDetails.name, () => {
  it('names a change of notes but never copies their text', () => {
    const plan = planDestination(held, { notes: 'Secret worry', status: 'offered' }, context);
    if (plan.kind !== 'update') throw new Error(`expected an update, got ${plan.kind}`);
    const sut = auditDetails(plan, held);
    expect(sut).toEqual({
      changed: ['status', 'notes'],
      status: { from: 'applied', to: 'offered' },
      statusOn: TODAY,
    });
    expect(JSON.stringify(sut)).not.toContain('worry');
  });

  it('describes a new destination without its notes', () => {
    const plan = planDestination(
      null,
      { category: 'employment', status: 'accepted', notes: 'Secret' },
      context,
    );
    if (plan.kind !== 'create') throw new Error(`expected a create, got ${plan.kind}`);
    expect(auditDetails(plan, null)).toEqual({
      category: 'employment',
      providerName: null,
      organisationId: null,
      status: 'accepted',
      statusOn: TODAY,
      withNotes: true,
    });
  });
});

describe(destinationRuleOf.name, () => {
  it('counts Year 11 towards DEST_16 and Year 13 towards DEST_18 (R-DEST-2)', () => {
    expect(destinationRuleOf(11)).toBe('DEST_16');
    expect(destinationRuleOf(13)).toBe('DEST_18');
  });
});
