-- The uploaded file in pieces is written once and never audited, like `import_files` before it:
-- the audit log would hold every file again (decision 0015).
GRANT SELECT, INSERT, UPDATE, DELETE ON import_file_chunks TO accord_app;
--> statement-breakpoint
-- TOAST would try to compress every piece; an upload is mostly already compressed (XLSX) or
-- read back once per pass, so it is stored as it is.
ALTER TABLE import_file_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
