import type { LocalizedText } from '../../platform/i18n/text';

export const backupMessages = {
  notABackup: {
    en: 'This is not an Accord backup file (a .accord-backup.gz written by “Download a backup” or `accord backup`).',
    ru: 'Это не файл резервной копии Accord (.accord-backup.gz, созданный кнопкой «Скачать резервную копию» или командой `accord backup`).',
  },
  corrupted: {
    en: 'The backup file is damaged: {reason}. Nothing was restored.',
    ru: 'Файл резервной копии повреждён: {reason}. Ничего не восстановлено.',
  },
  schemaMismatch: {
    en: 'The backup was written by another version of Accord (database schema of {fileMigrations} migrations, this server has {serverMigrations}). Restore it on the version that wrote it.',
    ru: 'Резервная копия создана другой версией Accord (схема базы из {fileMigrations} миграций, на этом сервере {serverMigrations}). Восстановите её в той версии, которая её создала.',
  },
  targetNotEmpty: {
    en: 'Workspace {workspaceId} already exists and holds data: a backup is restored only into a new, empty workspace.',
    ru: 'Рабочее пространство {workspaceId} уже существует и содержит данные: резервная копия восстанавливается только в новое, пустое рабочее пространство.',
  },
  inconsistent: {
    en: 'The backup’s rows do not fit together ({reason}). Nothing was restored.',
    ru: 'Строки резервной копии не согласуются друг с другом ({reason}). Ничего не восстановлено.',
  },
} satisfies Record<string, LocalizedText>;
