import { CoreSchema1764000000000 } from './1764000000000-CoreSchema';

/** Every migration, in order. `npm run migration:generate` writes a file here: add its class to this list. */
export const migrations = [CoreSchema1764000000000];
