import {
  MeaningfulChecklist,
  REQUIRED_CHECKLIST_ITEMS,
  isMeaningfulFor,
  missingChecklistItems,
} from './meaningful-checklist';

const core: MeaningfulChecklist = {
  purposeShared: true,
  learningOutcomes: true,
  twoWayInteraction: true,
  reflection: true,
};

describe(isMeaningfulFor.name, () => {
  it('R-M-1: B5 needs the four core items', () => {
    expect(isMeaningfulFor('B5', core)).toBe(true);
    expect(isMeaningfulFor('B5', { ...core, reflection: false })).toBe(false);
  });

  it('R-M-1: B6 needs seven items', () => {
    expect(REQUIRED_CHECKLIST_ITEMS.B6).toHaveLength(7);
    expect(isMeaningfulFor('B6', core)).toBe(false);
    expect(
      isMeaningfulFor('B6', { ...core, rangeOfPeople: true, taskSet: true, employerFeedback: true }),
    ).toBe(true);
  });

  it('R-M-1: B7 needs six items; meeting staff and learners is recorded but not required', () => {
    expect(isMeaningfulFor('B7', { ...core, providerInformation: true, whatLearningIsLike: true })).toBe(
      true,
    );
    expect(isMeaningfulFor('B7', { ...core, providerInformation: true, metStaffAndLearners: true })).toBe(
      false,
    );
  });

  it('R-M-1: a missing item counts as unticked', () => {
    expect(isMeaningfulFor('B5', { purposeShared: true })).toBe(false);
  });
});

describe(missingChecklistItems.name, () => {
  it('R-M-1: lists what is still unticked', () => {
    expect(missingChecklistItems('B6', { ...core, taskSet: true })).toEqual([
      'rangeOfPeople',
      'employerFeedback',
    ]);
  });
});
