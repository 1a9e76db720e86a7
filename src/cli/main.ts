import { Command, Option } from 'commander';
import { ZodError } from 'zod';
import { importKinds, importSources } from '../modules/imports/schemas';
import { AppError } from '../platform/errors';
import { translate } from '../platform/i18n/text';
import { backupCommand, restoreCommand } from './backup-command';
import {
  CommandError,
  createTokenCommand,
  createUserCommand,
  demoCommand,
  migrateCommand,
  roleChoices,
} from './commands';
import { importCommand } from './import-command';
import { startCommand } from './start';

const program = new Command()
  .name('accord')
  .description(
    'Accord — open-source key account management.\nConfiguration comes from the environment (PORT, HOST, ACCORD_DATA_DIR, DATABASE_URL, …); see the README.',
  )
  .showHelpAfterError();

program
  .command('start')
  .description('Start Accord (embedded PostgreSQL unless DATABASE_URL is set); Ctrl-C stops it cleanly')
  .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)')
  .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
  .action(startCommand);

program.command('migrate').description('Apply pending database migrations and exit').action(migrateCommand);

program
  .command('demo')
  .description('Generate a demo workspace with realistic data')
  .option('--scale <n>', 'size: 1 ≈ 200 accounts and 4,000 contacts; 50 ≈ 10,000 and 200,000', '1')
  .addOption(new Option('--locale <locale>', 'language of the data').choices(['ru', 'en']).default('ru'))
  .option('--seed <s>', 'random seed: the same seed gives the same data', '1')
  .option(
    '--admin-email <email>',
    'user who becomes the workspace admin (default: $ACCORD_ADMIN_EMAIL or admin@accord.local)',
  )
  .option('--member-password <password>', 'password of the generated members (default: none can sign in)')
  .action(demoCommand);

const user = program.command('user').description('Manage users');
user
  .command('create')
  .description('Create a user, optionally as a member of a workspace')
  .requiredOption('--email <email>', 'e-mail to sign in with')
  .requiredOption('--name <name>', 'full name')
  .option('--password <password>', 'password (generated and printed once when omitted)')
  .addOption(new Option('--locale <locale>', 'interface language').choices(['ru', 'en']).default('ru'))
  .option('--workspace <id>', 'workspace to add the user to (default: the first one)')
  .option('--role <role>', `role in that workspace: ${roleChoices}`, 'manager')
  .action(createUserCommand);

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Create an API token for a user (printed once on stdout)')
  .requiredOption('--email <email>', 'the user the token acts as')
  .option('--workspace <id>', 'workspace the token works in (default: the user’s first)')
  .option('--name <name>', 'a name to recognise the token by', 'CLI')
  .option('--expires-days <days>', 'days until the token expires (default: never)')
  .action(createTokenCommand);

program
  .command('import')
  .description(
    'Import accounts, contacts, deals, activities or KPI values from a CSV, XLSX or HTML-table file (Salesforce, Dynamics 365, HubSpot, Bitrix24, amoCRM or any)',
  )
  .argument('<file>', 'the file to import')
  .requiredOption('--workspace <id>', 'workspace to import into')
  .option('--source <source>', `where the file comes from: ${importSources.join(', ')} (default: detected)`)
  .option('--kind <kind>', `what the file holds: ${importKinds.join(', ')} (default: detected, or the preset's)`)
  .option('--preset <name>', 'apply a mapping saved in the web wizard (its kind, source and columns)')
  .option('--dry-run', 'validate and report bad rows without writing anything')
  .option('--as <email>', 'member to import as (default: the workspace’s first admin)')
  .action(importCommand);

program
  .command('backup')
  .description(
    'Write the whole workspace (every table, one consistent snapshot) to a gzip’d file with checksums; it holds password hashes: keep it safe',
  )
  .argument('<file>', 'the file to write, e.g. accord.accord-backup.gz')
  .option('--workspace <id>', 'workspace to back up (default: the only one)')
  .action(backupCommand);

program
  .command('restore')
  .description(
    'Restore a backup into a new, empty workspace in one transaction; a damaged file or one from another version is refused',
  )
  .argument('<file>', 'the backup file')
  .option('--workspace <id>', 'id to restore under, which must not exist (default: the backup’s own, or a new one)')
  .option('--as <email>', 'user named in the audit entry, made an admin of the restored workspace')
  .action(restoreCommand);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    const fields = error.fieldErrors.map((field) => `${field.path}: ${translate('en', field.message)}`);
    process.stderr.write(`accord: ${[translate('en', error.detail), ...fields].join('; ')}\n`);
  } else if (error instanceof CommandError) {
    process.stderr.write(`accord: ${error.message}\n`);
  } else if (error instanceof ZodError) {
    const problems = error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
    process.stderr.write(`accord: ${problems.join('; ')}\n`);
  } else {
    process.stderr.write(`accord: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
