import { COMMON_PASSWORDS_SOURCE } from './common-passwords.data';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let commonPasswords: Set<string> | undefined;
function common(): Set<string> {
  commonPasswords ??= new Set(COMMON_PASSWORDS_SOURCE.split(','));
  return commonPasswords;
}

/** The shortest unit the whole string repeats ("abcabcabc" → "abc"), or null when it does not repeat. */
function repeatedUnit(text: string): string | null {
  for (let size = 1; size <= text.length / 2; size += 1) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return text.slice(0, size);
  }
  return null;
}

/**
 * Why a password is too guessable, or null. Length is checked by the DTO (12-128 characters); this catches
 * what long passwords still get wrong: a listed common password (case-insensitive), a listed one padded with
 * digits or symbols ("password123456", "!!iloveyou2024"), one repeated ("qwertyqwerty") or one character or
 * short run repeated ("aaaaaaaaaaaa", "abcabcabcabc").
 *
 * Only a password of an acceptable length is judged: one outside 12-128 characters is already refused for its
 * length, and the repeat search costs a string per divisor of the length (780 ms for 720,720 characters, during
 * which the server answered nobody).
 */
export function commonPasswordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return null;
  const lower = password.toLowerCase();
  const list = common();
  if (list.has(lower)) return 'is one of the most common passwords';
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (core !== lower && list.has(core)) return 'is a common password with digits or symbols added';
  const unit = repeatedUnit(lower);
  if (unit && (unit.length <= 4 || list.has(unit))) return 'is a short sequence or a common password repeated';
  return null;
}
