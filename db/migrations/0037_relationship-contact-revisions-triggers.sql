-- The change notes name the people a statement touched as well as their accounts, and the commit
-- stamps each person with the new revision, so a chart kept at an older revision re-reads only
-- the people who changed. A change of the account row itself is noted with the all-zero contact.
GRANT SELECT, INSERT, UPDATE ON relationship_contact_revisions TO accord_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relationship_map_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  whole_map constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  -- NOTE: a workspace being deleted takes its rows with it; there is nothing left to note.
  INSERT INTO relationship_change_marks (transaction_id, workspace_id)
  SELECT DISTINCT txid_current(), changed.workspace_id FROM changed
  WHERE EXISTS (SELECT 1 FROM workspaces WHERE workspaces.id = changed.workspace_id)
  ON CONFLICT DO NOTHING;
  -- Each table names its account and person its own way; PL/pgSQL plans a statement only when it
  -- runs, so each branch may use the columns of its own table.
  IF TG_TABLE_NAME = 'relationship_settings' THEN
    INSERT INTO relationship_account_marks (transaction_id, workspace_id, account_id, contact_id)
    SELECT DISTINCT txid_current(), changed.workspace_id, whole_map, whole_map FROM changed
    WHERE EXISTS (SELECT 1 FROM workspaces WHERE workspaces.id = changed.workspace_id)
    ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'accounts' THEN
    INSERT INTO relationship_account_marks (transaction_id, workspace_id, account_id, contact_id)
    SELECT DISTINCT txid_current(), changed.workspace_id, changed.id, whole_map FROM changed
    WHERE EXISTS (SELECT 1 FROM workspaces WHERE workspaces.id = changed.workspace_id)
    ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'contacts' THEN
    INSERT INTO relationship_account_marks (transaction_id, workspace_id, account_id, contact_id)
    SELECT DISTINCT txid_current(), changed.workspace_id, changed.account_id, changed.id FROM changed
    WHERE EXISTS (SELECT 1 FROM workspaces WHERE workspaces.id = changed.workspace_id)
    ON CONFLICT DO NOTHING;
    IF TG_OP = 'UPDATE' THEN
      -- A person moved to another account leaves the one they were in changed too.
      INSERT INTO relationship_account_marks (transaction_id, workspace_id, account_id, contact_id)
      SELECT DISTINCT txid_current(), before_change.workspace_id, before_change.account_id, before_change.id
      FROM before_change
      ON CONFLICT DO NOTHING;
    END IF;
  ELSIF TG_TABLE_NAME = 'stakeholders' THEN
    -- Stakeholders, lines, coverage and participants belong to an account through their contact;
    -- a contact deleted with its account has been noted by the contacts' own trigger.
    INSERT INTO relationship_account_marks (transaction_id, workspace_id, account_id, contact_id)
    SELECT DISTINCT txid_current(), person.workspace_id, person.account_id, person.id
    FROM changed JOIN contacts AS person ON person.workspace_id = changed.workspace_id AND person.id = changed.id
    ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'stakeholder_links' THEN
    INSERT INTO relationship_account_marks (transaction_id, workspace_id, account_id, contact_id)
    SELECT DISTINCT txid_current(), person.workspace_id, person.account_id, person.id
    FROM changed
    JOIN contacts AS person ON person.workspace_id = changed.workspace_id AND person.id = changed.from_contact_id
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO relationship_account_marks (transaction_id, workspace_id, account_id, contact_id)
    SELECT DISTINCT txid_current(), person.workspace_id, person.account_id, person.id
    FROM changed
    JOIN contacts AS person ON person.workspace_id = changed.workspace_id AND person.id = changed.contact_id
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION relationship_revision_moved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  moved_to bigint;
  whole_map constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  INSERT INTO relationship_revisions AS kept (workspace_id, revision)
  VALUES (NEW.workspace_id, 1)
  ON CONFLICT (workspace_id) DO UPDATE SET revision = kept.revision + 1
  RETURNING revision INTO moved_to;
  INSERT INTO relationship_account_revisions AS stamped (workspace_id, account_id, revision)
  SELECT DISTINCT marks.workspace_id, marks.account_id, moved_to FROM relationship_account_marks AS marks
  WHERE marks.transaction_id = NEW.transaction_id AND marks.workspace_id = NEW.workspace_id
  ON CONFLICT (workspace_id, account_id) DO UPDATE SET revision = excluded.revision;
  INSERT INTO relationship_contact_revisions AS stamped (workspace_id, account_id, contact_id, revision)
  SELECT marks.workspace_id, marks.account_id, marks.contact_id, moved_to FROM relationship_account_marks AS marks
  WHERE marks.transaction_id = NEW.transaction_id AND marks.workspace_id = NEW.workspace_id
    AND marks.contact_id <> whole_map
  ON CONFLICT (workspace_id, account_id, contact_id) DO UPDATE SET revision = excluded.revision;
  DELETE FROM relationship_account_marks
  WHERE transaction_id = NEW.transaction_id AND workspace_id = NEW.workspace_id;
  DELETE FROM relationship_change_marks
  WHERE transaction_id = NEW.transaction_id AND workspace_id = NEW.workspace_id;
  RETURN NULL;
END
$$;
