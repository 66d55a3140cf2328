import { destination, registerRow } from '../testing/destinations';
import {
  batchRequest,
  changedValues,
  isChanged,
  isComplete,
  QuickEntryValue,
  recordedValue,
  withCategory,
} from './quick-entry-state';

const ada = registerRow('Ada Okafor', { destination: destination('learner-ada-okafor') });
const ben = registerRow('Ben Hughes');
const cai = registerRow('Cai Cole', {
  destination: destination('learner-cai-cole', { category: 'apprenticeship', providerName: 'Etruria Works' }),
});

describe('quick entry (R-DEST-1)', () => {
  it('starts each row from what is recorded, nothing chosen where nothing is', () => {
    expect(recordedValue(ada)).toEqual({
      category: 'further_education',
      providerName: 'Kilnside College',
      status: 'applied',
    });
    expect(recordedValue(ben)).toEqual({ category: '', providerName: '', status: '' });
  });

  it('counts a provider changed only in the spaces around it as unchanged', () => {
    const recorded = recordedValue(ada);

    expect(isChanged(recorded, { ...recorded, providerName: '  Kilnside College ' })).toBe(false);
    expect(isChanged(recorded, { ...recorded, status: 'offered' })).toBe(true);
  });

  it('starts a new destination at "considering" when its category is chosen, and keeps a status given', () => {
    const empty: QuickEntryValue = { category: '', providerName: '', status: '' };

    expect(withCategory(empty, 'apprenticeship')).toEqual({
      ...empty,
      category: 'apprenticeship',
      status: 'considering',
    });
    expect(withCategory({ ...empty, status: 'offered' }, 't_level').status).toBe('offered');
    expect(isComplete(withCategory(empty, 'apprenticeship'))).toBe(true);
    expect(isComplete({ ...empty, category: 'apprenticeship' })).toBe(false);
  });

  it('sends only the rows changed, in register order, with the provider only where it changed', () => {
    const values: Record<string, QuickEntryValue> = {
      [cai.learnerId]: { category: 'apprenticeship', providerName: 'Etruria Works', status: 'accepted' },
      [ada.learnerId]: recordedValue(ada),
      [ben.learnerId]: { category: 't_level', providerName: ' Burslem College ', status: 'applied' },
    };

    expect(Object.keys(changedValues([ada, ben, cai], values))).toEqual([ben.learnerId, cai.learnerId]);
    expect(batchRequest(2025, [ada, ben, cai], values)).toEqual({
      academicYear: 2025,
      items: [
        { learnerId: ben.learnerId, category: 't_level', status: 'applied', providerName: 'Burslem College' },
        { learnerId: cai.learnerId, category: 'apprenticeship', status: 'accepted' },
      ],
    });
  });

  it('sends a provider cleared as an empty name, and leaves out a row not yet complete', () => {
    const values: Record<string, QuickEntryValue> = {
      [ada.learnerId]: { ...recordedValue(ada), providerName: '' },
      [ben.learnerId]: { category: 'employment', providerName: '', status: '' },
    };

    expect(batchRequest(2025, [ada, ben], values).items).toEqual([
      { learnerId: ada.learnerId, category: 'further_education', status: 'applied', providerName: '' },
    ]);
  });
});
