// Data source for the TypeORM CLI (npm run migration:generate|run|revert). It reads DATABASE_URL directly
// because the CLI bypasses the apps' config module.
import { createDataSource } from '../data-source';

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is not set: the migration CLI needs a database to talk to.\n');
  process.exit(78);
}

export default createDataSource({ url, applicationName: 'throughline-migrations' });
