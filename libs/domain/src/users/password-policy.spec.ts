import { commonPasswordProblem } from './password-policy';

describe('commonPasswordProblem', () => {
  it.each([
    ['123qweasdzxc', 'is one of the most common passwords'],
    ['1qaz2wsx3edc', 'is one of the most common passwords'],
    ['LeaveMeAlone', 'is one of the most common passwords'],
    ['password123456', 'is a common password with digits or symbols added'],
    ['!!iloveyou2024', 'is a common password with digits or symbols added'],
    ['Football!!!!', 'is a common password with digits or symbols added'],
    ['123456789123', 'is one of the most common passwords'],
    ['Dragon-2024!', 'is a common password with digits or symbols added'],
    ['qwertyqwerty', 'is a short sequence or a common password repeated'],
    ['aaaaaaaaaaaa', 'is a short sequence or a common password repeated'],
    ['abcdabcdabcd', 'is a short sequence or a common password repeated'],
  ])('refuses %s', (password, problem) => {
    expect(commonPasswordProblem(password)).toBe(problem);
  });

  it.each([
    'correct-horse-battery-staple',
    'throughline-demo',
    'Tr0ub4dor&3-extended',
    'violet tugboat sings at dawn',
    'dragonfly-kettle-49',
    '730512948861',
  ])('accepts %s', (password) => {
    expect(commonPasswordProblem(password)).toBeNull();
  });

  it('leaves a password of the wrong length to the length rule, even when huge (its cost: test/api/request-cost.e2e-spec.ts)', () => {
    expect(commonPasswordProblem('aaaaaaaaaaa')).toBeNull();
    expect(commonPasswordProblem('a'.repeat(129))).toBeNull();
    expect(commonPasswordProblem('a'.repeat(720_719) + 'b')).toBeNull();
  });
});
