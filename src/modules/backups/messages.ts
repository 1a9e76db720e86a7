import type { LocalizedText } from '../../platform/i18n/text';

export const backupMessages = {
  // Why a file counts as damaged; `{table}` names the table at fault.
  notJson: { en: 'a section line is not JSON', ru: 'строка раздела — не JSON' },
  rowsOutsideTable: { en: 'rows come before any table', ru: 'строки идут до начала таблицы' },
  manifestUnreadable: { en: 'its manifest is unreadable', ru: 'его манифест не читается' },
  unexpectedTable: { en: 'an unexpected table {table}', ru: 'неожиданная таблица {table}' },
  columnsDiffer: { en: 'the columns of {table} differ', ru: 'столбцы таблицы {table} отличаются' },
  endsEarly: { en: 'the file ends before its manifest', ru: 'файл обрывается до манифеста' },
  fileChecksum: { en: 'its checksum does not match its contents', ru: 'контрольная сумма не совпадает с содержимым' },
  tableChecksum: {
    en: 'the rows of {table} do not match their checksum',
    ru: 'строки таблицы {table} не совпадают с контрольной суммой',
  },
  incompleteGzip: { en: 'it is not a complete gzip file', ru: 'это неполный gzip-файл' },
  notABackup: {
    en: 'This is not an Accord backup file (a .accord-backup.gz written by “Download a backup” or `accord backup`).',
    ru: 'Это не файл резервной копии Accord (.accord-backup.gz, созданный кнопкой «Скачать резервную копию» или командой `accord backup`).',
  },
  corrupted: {
    en: 'The backup file is damaged ({reason}). Nothing was restored.',
    ru: 'Файл резервной копии повреждён ({reason}). Ничего не восстановлено.',
  },
  schemaMismatch: {
    en: 'The backup was written by another version of Accord (database schema of {fileMigrations} migrations, this server has {serverMigrations}). Restore it on the version that wrote it.',
    ru: 'Резервная копия создана другой версией Accord (схема базы из {fileMigrations} миграций, на этом сервере {serverMigrations}). Восстановите её в той версии, которая её создала.',
  },
  targetNotEmpty: {
    en: 'Workspace {workspaceId} already exists and holds data: a backup is restored only into a new, empty workspace.',
    ru: 'Рабочее пространство {workspaceId} уже существует и содержит данные: резервная копия восстанавливается только в новое, пустое рабочее пространство.',
  },
  otherWorkspaceRows: {
    en: 'The backup’s table {table} holds rows of another workspace. Nothing was restored.',
    ru: 'Таблица {table} в резервной копии содержит строки другого рабочего пространства. Ничего не восстановлено.',
  },
  inconsistent: {
    en: 'The backup’s rows do not fit together (the database refused them: {reason}). Nothing was restored.',
    ru: 'Строки резервной копии не согласуются друг с другом (база данных их отклонила: {reason}). Ничего не восстановлено.',
  },
} satisfies Record<string, LocalizedText>;
