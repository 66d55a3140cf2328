import { SqlParams } from '../sql-params';
import { learnerInScopeSql } from './learner-scope';
import type { AccessScope } from './policy';

const scope = (overrides: Partial<AccessScope>): AccessScope => ({
  trustWide: false,
  academyIds: [],
  groupIds: [],
  memberAcademyIds: [],
  ...overrides,
});

describe(learnerInScopeSql.name, () => {
  it('is TRUE for a trust-wide scope and adds no parameter', () => {
    const p = new SqlParams(['year']);

    expect(learnerInScopeSql(scope({ trustWide: true }), p, 'e.learner_id', 'e.academy_id')).toBe('TRUE');
    expect(p.values).toEqual(['year']);
  });

  it('is FALSE for a scope with neither academies nor groups', () => {
    expect(learnerInScopeSql(scope({}), new SqlParams(), 'l.id')).toBe('FALSE');
  });

  it("tests the row's academy when given, and the groups taught, numbering after the parameters before", () => {
    const p = new SqlParams(['year']);

    const sut = learnerInScopeSql(
      scope({ academyIds: ['a'], groupIds: ['g'] }),
      p,
      'e.learner_id',
      'e.academy_id',
    );

    expect(sut).toContain('e.academy_id = ANY($2::uuid[])');
    expect(sut).toContain('scope_membership.group_id = ANY($3::uuid[])');
    expect(p.values).toEqual(['year', ['a'], ['g']]);
  });

  it("tests the learner's enrolments when the row has no academy", () => {
    const p = new SqlParams();

    const sut = learnerInScopeSql(scope({ academyIds: ['a'] }), p, 'l.id');

    expect(sut).toContain('scope_enrolment.learner_id = l.id');
    expect(sut).not.toContain('group_membership');
    expect(p.values).toEqual([['a']]);
  });
});
