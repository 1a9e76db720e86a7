export { excludedTables, planBackup } from './backup-tables';
export { maySkipRowChecks } from './foreign-keys';
export { backupMessages } from './messages';
export { restoreWorkspace, type TableTiming } from './restore-workspace';
export { backupRoutes, restoreUploadBody } from './routes';
export { writeBackup } from './write-backup';
