-- The relationship map's revision per workspace moves on when a transaction that changed what
-- the map shows commits. Statement triggers (one run per statement, not per row: a bulk load of
-- 200,000 contacts stays cheap) note the change; a deferred trigger on the note moves the
-- revision at commit, so its row lock is held for an instant, never for a whole import.
GRANT SELECT, INSERT, UPDATE ON relationship_revisions TO accord_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON relationship_change_marks TO accord_app;
--> statement-breakpoint
CREATE FUNCTION relationship_map_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  -- NOTE: a workspace being deleted takes its rows with it; there is nothing left to note.
  INSERT INTO relationship_change_marks (transaction_id, workspace_id)
  SELECT DISTINCT txid_current(), changed.workspace_id FROM changed
  WHERE EXISTS (SELECT 1 FROM workspaces WHERE workspaces.id = changed.workspace_id)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION relationship_revision_moved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO relationship_revisions AS kept (workspace_id, revision)
  VALUES (NEW.workspace_id, 1)
  ON CONFLICT (workspace_id) DO UPDATE SET revision = kept.revision + 1;
  DELETE FROM relationship_change_marks
  WHERE transaction_id = NEW.transaction_id AND workspace_id = NEW.workspace_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER move_revision AFTER INSERT ON relationship_change_marks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION relationship_revision_moved();
--> statement-breakpoint
CREATE FUNCTION accord_watch_relationship_map(target regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER relationship_map_inserted AFTER INSERT ON %s REFERENCING NEW TABLE AS changed '
    'FOR EACH STATEMENT EXECUTE FUNCTION relationship_map_changed()', target);
  EXECUTE format('CREATE TRIGGER relationship_map_updated AFTER UPDATE ON %s REFERENCING NEW TABLE AS changed '
    'FOR EACH STATEMENT EXECUTE FUNCTION relationship_map_changed()', target);
  EXECUTE format('CREATE TRIGGER relationship_map_deleted AFTER DELETE ON %s REFERENCING OLD TABLE AS changed '
    'FOR EACH STATEMENT EXECUTE FUNCTION relationship_map_changed()', target);
END
$$;
--> statement-breakpoint
SELECT accord_watch_relationship_map('accounts');
--> statement-breakpoint
SELECT accord_watch_relationship_map('contacts');
--> statement-breakpoint
SELECT accord_watch_relationship_map('stakeholders');
--> statement-breakpoint
SELECT accord_watch_relationship_map('stakeholder_links');
--> statement-breakpoint
SELECT accord_watch_relationship_map('relationship_coverage');
--> statement-breakpoint
SELECT accord_watch_relationship_map('interaction_contacts');
--> statement-breakpoint
SELECT accord_watch_relationship_map('relationship_settings');
