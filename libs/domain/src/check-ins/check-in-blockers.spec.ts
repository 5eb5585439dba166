import { storedBlockers } from './check-in-blockers';

describe('storedBlockers', () => {
  it('free text flagged for the client becomes one item the client summary lists as an ask', () => {
    expect(storedBlockers({ blockers: ' Need the CFO to sign the budget ', blockersNeedClientAction: true })).toEqual({
      blockers: 'Need the CFO to sign the budget',
      blockersNeedClientAction: true,
      blockerItems: [{ text: 'Need the CFO to sign the budget', needsClientAction: true }],
    });
  });

  it('free text not flagged is one item that is not an ask', () => {
    expect(storedBlockers({ blockers: 'Hiring is slow' })).toEqual({
      blockers: 'Hiring is slow',
      blockersNeedClientAction: false,
      blockerItems: [{ text: 'Hiring is slow', needsClientAction: false }],
    });
  });

  it('items win over the free text; one item for the client sets the overall flag', () => {
    expect(
      storedBlockers({
        blockers: 'see items',
        blockerItems: [
          { text: ' Legal review ', needsClientAction: true },
          { text: 'Our own backlog', needsClientAction: false },
        ],
      }),
    ).toEqual({
      blockers: 'see items',
      blockersNeedClientAction: true,
      blockerItems: [
        { text: 'Legal review', needsClientAction: true },
        { text: 'Our own backlog', needsClientAction: false },
      ],
    });
  });

  it('no blockers at all: nothing stored, no ask', () => {
    expect(storedBlockers({ blockers: '   ' })).toEqual({
      blockers: null,
      blockersNeedClientAction: false,
      blockerItems: [],
    });
  });
});
