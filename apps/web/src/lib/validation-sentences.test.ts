import { describe, expect, it } from 'vitest';
import { fieldLabel, humanProblem, humanProblems } from './validation-sentences';

describe('validation messages as sentences for people', () => {
  it('labels fields in words', () => {
    expect(fieldLabel('daysPerWeek')).toBe('Days per week');
    expect(fieldLabel('ownerId')).toBe('Owner');
    expect(fieldLabel('priorities.0.milestones.1.dueDate')).toBe('Due date');
    expect(fieldLabel('rag')).toBe('RAG status');
  });

  it.each([
    ['daysPerWeek', 'daysPerWeek must not be greater than 7', 'Days per week can be at most 7.'],
    ['weight', 'weight must not be less than 0.01', 'Weight must be at least 0.01.'],
    ['reason', 'reason must be shorter than or equal to 2000 characters', 'Reason can be at most 2000 characters.'],
    ['title', 'title must be longer than or equal to 1 characters', 'Title is required.'],
    ['name', 'name must be longer than or equal to 3 characters', 'Name needs at least 3 characters.'],
    ['ownerId', 'ownerId must be a UUID', 'Choose an owner.'],
    ['clientId', 'clientId must be a UUID', 'Choose a client.'],
    ['status', 'status must be one of the following values: draft, active', 'Status must be one of: draft, active.'],
    ['dueDate', 'dueDate must be a real date in the form YYYY-MM-DD', 'Due date must be a real date (YYYY-MM-DD).'],
    ['confidence', 'confidence must be an integer number', 'Confidence must be a whole number.'],
    ['note', 'note must not be blank', 'Note cannot be blank.'],
    ['endDate', 'endDate must not be before the start date', 'End date must not be before the start date.'],
    ['focus', 'the focus cap is 5 active priorities', 'The focus cap is 5 active priorities.'],
    [
      'allowedDomains',
      'each of allowedDomains must be a domain like acme.com',
      'Each of the allowed domains must be a domain like acme.com.',
    ],
  ])('%s: "%s" → "%s"', (field, problem, sentence) => {
    expect(humanProblem(field, problem)).toBe(sentence);
  });

  it('says each thing once when class-validator gives several wordings of one problem', () => {
    expect(
      humanProblems('title', ['title must be a string', 'title must be longer than or equal to 1 characters']),
    ).toBe('Title is required.');
  });
});
