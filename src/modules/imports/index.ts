export { applyPreset } from './apply-preset';
export { checkImport } from './check-import';
export { createImport } from './create-import';
export { listPresets, savePreset } from './presets';
export { importRoutes, importUploadBody } from './routes';
export { processImport, startImport } from './run-import';
export { externalIds, importChanges, importFiles, importPresets, imports } from './schema';
export * from './schemas';
export { undoImport } from './undo-import';
