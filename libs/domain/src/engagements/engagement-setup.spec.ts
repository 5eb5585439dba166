import { checkShape } from './engagement-setup.service';
import type { CreateEngagementSetupDto } from './engagement-setup.dto';

const setup = (overrides: Partial<CreateEngagementSetupDto> = {}): CreateEngagementSetupDto => ({
  clientId: '6f1c1b0e-0000-4000-8000-000000000001',
  executiveId: '6f1c1b0e-0000-4000-8000-000000000002',
  function: 'CRO',
  startDate: '2026-03-02',
  daysPerWeek: 2,
  priorities: [
    { title: 'Pipeline', ownerId: '6f1c1b0e-0000-4000-8000-000000000003', targetDate: '2026-06-30', milestones: [] },
  ],
  ...overrides,
});

const fieldOf = (input: CreateEngagementSetupDto) => {
  try {
    checkShape(input);
    return null;
  } catch (error) {
    return (error as { field: string }).field;
  }
};

describe('checkShape (what the DTO cannot say)', () => {
  it('accepts an existing client and owner', () => expect(fieldOf(setup())).toBeNull());

  it('wants exactly one of clientId and client', () => {
    expect(fieldOf(setup({ client: { name: 'New', stage: 'growth' } }))).toBe('clientId');
    expect(fieldOf(setup({ clientId: undefined }))).toBe('clientId');
  });

  it('names the date out of order: plannedEndDate, termEndDate, renewalDate (strictly after the start)', () => {
    expect(fieldOf(setup({ plannedEndDate: '2026-03-01' }))).toBe('plannedEndDate');
    expect(fieldOf(setup({ termEndDate: '2026-03-01' }))).toBe('termEndDate');
    expect(fieldOf(setup({ renewalDate: '2026-03-02' }))).toBe('renewalDate');
    expect(fieldOf(setup({ plannedEndDate: '2026-03-02', termEndDate: '2026-03-02' }))).toBeNull();
  });

  it('names the priority by index: its owner (one of two ways) and its target before its own start', () => {
    const [p] = setup().priorities;
    expect(fieldOf(setup({ priorities: [p!, { ...p!, ownerId: undefined }] }))).toBe('priorities[1].ownerId');
    expect(fieldOf(setup({ priorities: [{ ...p!, owner: { name: 'Dana' } }] }))).toBe('priorities[0].ownerId');
    expect(fieldOf(setup({ priorities: [p!, { ...p!, startDate: '2026-07-01' }] }))).toBe('priorities[1].targetDate');
  });
});
