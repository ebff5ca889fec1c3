import { isGoalNote } from '../../src/engine/read/frontmatter';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, engineOptions, migrate, sameRecognition } from '../../src/settings/settings';

describe('settings migration', () => {
  it('gives the defaults for nothing saved yet', () => {
    expect(migrate(null)).toEqual(DEFAULT_SETTINGS);
    expect(migrate(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([['a string'], [42], [[1, 2, 3]], [true]])('gives the defaults for garbage: %p', (garbage) => {
    expect(migrate(garbage)).toEqual(DEFAULT_SETTINGS);
  });

  it('brings version 0 data up: help tag without #, working days by name, tolerance as a fraction', () => {
    const migrated = migrate({ helpTag: 'needs-help', workingDays: 'mon, tue, wed, sat', tolerance: 0.15, goalTag: '#objective' });
    expect(migrated).toMatchObject({
      version: SETTINGS_VERSION,
      helpTag: '#needs-help',
      workingDays: [1, 2, 3, 6],
      tolerance: 15,
      goalTag: 'objective',
    });
  });

  it('keeps keys it does not know', () => {
    const migrated = migrate({ version: 1, futureFeature: { on: true }, tolerance: 5 });
    expect(migrated['futureFeature']).toEqual({ on: true });
    expect(migrated.tolerance).toBe(5);
  });

  it('replaces wrong types and clamps ranges field by field, keeping the good ones', () => {
    const migrated = migrate({
      version: 1,
      goalKey: 7,
      dateFormat: 'emoji',
      recordDoneDate: 'yes',
      tolerance: 500,
      nextActionsCount: -3,
      weekStart: '0',
      workingDays: [9, 'fri', 2],
      goalFolder: '/Goals/',
      showDoneSteps: false,
    });
    expect(migrated).toMatchObject({
      goalKey: 'type',
      dateFormat: 'tasks',
      recordDoneDate: true,
      tolerance: 100,
      nextActionsCount: 1,
      weekStart: 0,
      workingDays: [2, 5],
      goalFolder: 'Goals',
      showDoneSteps: false,
    });
  });

  it.each([
    [' Goals//2027/ ', 'Goals/2027'],
    ['Goals\\2027', 'Goals/2027'],
    ['//Goals', 'Goals'],
    ['', ''],
  ])('reads the folder %j as the vault path %j', (typed, path) => {
    expect(migrate({ goalFolder: typed, actionFolder: typed })).toMatchObject({ goalFolder: path, actionFolder: path });
  });

  it('recognises the notes of a goals folder typed with doubled slashes', () => {
    expect(isGoalNote('Goals/2027/Sail.md', null, null, { ...DEFAULT_ENGINE_OPTIONS, goalFolder: 'Goals//2027' })).toBe(true);
    expect(isGoalNote('Goals/20271/Sail.md', null, null, { ...DEFAULT_ENGINE_OPTIONS, goalFolder: 'Goals//2027' })).toBe(false);
  });

  it('is idempotent', () => {
    const once = migrate({ helpTag: 'help', tolerance: 0.2, extra: 1 });
    expect(migrate(once)).toEqual(once);
  });

  it('tells when goal recognition changed, which means re-reading the vault', () => {
    const a = migrate({});
    expect(sameRecognition(a, { ...a, tolerance: 20 })).toBe(true);
    expect(sameRecognition(a, { ...a, goalTag: 'objective' })).toBe(false);
    expect(engineOptions({ ...a, goalFolder: 'Goals' }).goalFolder).toBe('Goals');
  });
});
