/**
 * The API's field problems (class-validator's wording: "daysPerWeek must not be greater than 7") as sentences for
 * people ("Days per week can be at most 7."), issue 14. A problem we do not know keeps its words, with the field's
 * name replaced by its label and a full stop.
 */

const WORDS: Record<string, string> = {
  rag: 'RAG status',
  url: 'URL',
  email: 'Email',
};

/** 'daysPerWeek' → 'Days per week'; 'ownerId' → 'Owner'; 'priorities.0.title' → 'Title'. */
export function fieldLabel(field: string): string {
  const last =
    field
      .split(/[.[\]]/)
      .filter((p) => p && !/^\d+$/.test(p))
      .pop() ?? field;
  if (WORDS[last]) return WORDS[last];
  const words = last
    .replace(/Ids?$/, (m) => (m === 'Ids' ? 's' : ''))
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

type Rule = [RegExp, (label: string, m: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^\S+ must not be greater than (.+)$/, (l, m) => `${l} can be at most ${m[1]}.`],
  [/^\S+ must not be less than (.+)$/, (l, m) => `${l} must be at least ${m[1]}.`],
  [/^\S+ must be shorter than or equal to (\d+) characters$/, (l, m) => `${l} can be at most ${m[1]} characters.`],
  [
    /^\S+ must be longer than or equal to (\d+) characters$/,
    (l, m) => (m[1] === '1' ? `${l} is required.` : `${l} needs at least ${m[1]} characters.`),
  ],
  [/^\S+ should not be empty$/, (l) => `${l} is required.`],
  [/^\S+ must not be blank$/, (l) => `${l} cannot be blank.`],
  [/^\S+ must be a string$/, (l) => `${l} is required.`],
  [/^\S+ must be a UUID$/, (l) => `Choose ${article(l)} ${l.toLowerCase()}.`],
  [
    /^\S+ must be one of the following values: (.+)$/,
    (l, m) => `${l} must be one of: ${m[1].split(/,\s*/).join(', ')}.`,
  ],
  [/^\S+ must be an email$/, (l) => `${l} must be an email address.`],
  [/^\S+ must be an integer number$/, (l) => `${l} must be a whole number.`],
  [/^\S+ must be a number conforming to the specified constraints$/, (l) => `${l} must be a number.`],
  [/^\S+ must be a boolean value$/, (l) => `${l} must be yes or no.`],
  [/^\S+ must be a real date in the form YYYY-MM-DD$/, (l) => `${l} must be a real date (YYYY-MM-DD).`],
  [/^\S+ must be a valid ISO 8601 date string$/, (l) => `${l} must be a date.`],
  [/^property \S+ should not exist$/, (l) => `${l} is not expected here.`],
  [/^each of \S+ must be (.+)$/, (l, m) => `Each of the ${l.toLowerCase()} must be ${m[1]}.`],
];

export function humanProblem(field: string, problem: string): string {
  const label = fieldLabel(field);
  for (const [pattern, sentence] of RULES) {
    const m = pattern.exec(problem.trim());
    if (m) return sentence(label, m);
  }
  const root = field.split(/[.[]/)[0];
  const last =
    field
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? root;
  let text = problem.trim();
  for (const name of [field, last, root]) if (text.startsWith(`${name} `)) text = `${label}${text.slice(name.length)}`;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Several problems of one field as one line, without saying the same thing twice. */
export function humanProblems(field: string, problems: readonly string[]): string {
  return [...new Set(problems.map((p) => humanProblem(field, p)))].join(' ');
}
