-- A restore inserts hundreds of thousands of rows into the tables the relationship map watches;
-- noting them statement by statement (and joining each row to its contact) cost a tenth of a
-- scale-50 restore. With `app.relationship_marks = 'restore'` the triggers note nothing, and the
-- restore notes every account and person of the workspace in one statement before it commits
-- (`noteRelationshipMap`), which stamps the same revisions as the triggers would have.
CREATE OR REPLACE FUNCTION relationship_map_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  whole_map constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
  -- A restore notes its whole workspace once, after its rows are in (decision 0019); only the
  -- owner role may ask for that, as with `app.audit`.
  IF current_setting('app.relationship_marks', true) = 'restore' AND current_user <> 'accord_app' THEN
    RETURN NULL;
  END IF;
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
