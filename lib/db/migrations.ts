/** Schema changes in order; each runs once, in a transaction. Never edit a released entry: append. */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_source TEXT NOT NULL,
    action TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('requested', 'succeeded', 'partial', 'failed', 'refused')),
    run_id TEXT,
    regions TEXT NOT NULL DEFAULT '[]',
    target_summary TEXT NOT NULL DEFAULT '',
    target_count INTEGER NOT NULL DEFAULT 0,
    targets TEXT NOT NULL DEFAULT '[]',
    parameters TEXT NOT NULL DEFAULT '{}',
    command_ids TEXT NOT NULL DEFAULT '[]',
    idempotency_key TEXT,
    error_code TEXT,
    error_message TEXT,
    finished_at TEXT
  );
  CREATE INDEX audit_at ON audit (at);
  CREATE INDEX audit_actor ON audit (actor);
  CREATE INDEX audit_run ON audit (run_id);

  CREATE TABLE idempotency (
    key TEXT PRIMARY KEY,
    actor TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
    status_code INTEGER,
    response TEXT,
    created_at TEXT NOT NULL
  );

  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    document TEXT NOT NULL,
    parameters TEXT NOT NULL,
    target_mode TEXT NOT NULL,
    target_summary TEXT NOT NULL,
    node_ids TEXT NOT NULL,
    max_concurrency TEXT NOT NULL,
    max_errors TEXT NOT NULL,
    timeout_seconds INTEGER NOT NULL,
    comment TEXT,
    commands TEXT NOT NULL,
    retry_of TEXT,
    final_state TEXT
  );
  CREATE INDEX runs_created ON runs (created_at);
  `,
  // 2: runs of any document. Each SendCommand of a run is its own row, written before and after the call, so a crash
  // in between leaves a row in state "sending" that reconciliation finds by the run tag in the command's Comment.
  // Patch runs recorded by version 1 are carried over (their commands, request and last status).
  `
  ALTER TABLE runs ADD COLUMN document_version TEXT NOT NULL DEFAULT '';
  ALTER TABLE runs ADD COLUMN request TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE runs ADD COLUMN state TEXT NOT NULL DEFAULT 'sent';
  ALTER TABLE runs ADD COLUMN sender TEXT;
  ALTER TABLE runs ADD COLUMN audit_id INTEGER;
  ALTER TABLE runs ADD COLUMN idempotency_key TEXT;
  ALTER TABLE runs ADD COLUMN rerun_of TEXT;
  ALTER TABLE runs ADD COLUMN status TEXT;
  ALTER TABLE runs ADD COLUMN counts TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE runs ADD COLUMN ended_at TEXT;
  ALTER TABLE runs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE runs ADD COLUMN expected_nodes INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE runs ADD COLUMN regions TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE runs ADD COLUMN final TEXT;
  CREATE INDEX runs_state ON runs (state);
  CREATE INDEX runs_key ON runs (idempotency_key);

  CREATE TABLE run_commands (
    run_id TEXT NOT NULL REFERENCES runs (id),
    idx INTEGER NOT NULL,
    region TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('planned', 'sending', 'sent', 'failed', 'unsent')),
    command_id TEXT,
    instance_ids TEXT,
    targets TEXT,
    by_targets INTEGER NOT NULL DEFAULT 0,
    expected_nodes INTEGER NOT NULL,
    max_concurrency TEXT NOT NULL,
    max_errors TEXT NOT NULL,
    error_code TEXT,
    error_message TEXT,
    sent_at TEXT,
    reconciled TEXT,
    PRIMARY KEY (run_id, idx)
  );
  CREATE INDEX run_commands_command ON run_commands (command_id);

  ALTER TABLE idempotency ADD COLUMN owner TEXT;
  ALTER TABLE audit ADD COLUMN outcome TEXT;
  ALTER TABLE audit ADD COLUMN outcome_detail TEXT;

  INSERT INTO run_commands (run_id, idx, region, state, command_id, instance_ids, targets, expected_nodes, max_concurrency, max_errors, error_code, error_message)
  SELECT r.id, CAST(j.key AS INTEGER), json_extract(j.value, '$.region'),
    CASE WHEN json_extract(j.value, '$.commandId') IS NOT NULL THEN 'sent' WHEN json_extract(j.value, '$.error') IS NOT NULL THEN 'failed' ELSE 'unsent' END,
    json_extract(j.value, '$.commandId'), json_extract(j.value, '$.instanceIds'),
    CASE WHEN json_extract(j.value, '$.target') IS NULL THEN NULL
      ELSE json_array(json_object('Key', 'tag:' || json_extract(j.value, '$.target.key'), 'Values', json_array(json_extract(j.value, '$.target.value')))) END,
    json_extract(j.value, '$.expectedNodes'), json_extract(j.value, '$.maxConcurrency'), json_extract(j.value, '$.maxErrors'),
    json_extract(j.value, '$.error.code'), json_extract(j.value, '$.error.message')
  FROM runs r, json_each(r.commands) j;

  UPDATE runs SET
    expected_nodes = COALESCE((SELECT SUM(expected_nodes) FROM run_commands c WHERE c.run_id = runs.id), 0),
    regions = COALESCE((SELECT json_group_array(DISTINCT region) FROM run_commands c WHERE c.run_id = runs.id), '[]'),
    status = CASE json_extract(final_state, '$.status')
      WHEN 'Success' THEN 'success' WHEN 'Cancelled' THEN 'cancelled' WHEN 'Partial' THEN 'partial' WHEN 'NotSent' THEN 'notSent'
      WHEN 'Failed' THEN 'failed' WHEN 'TimedOut' THEN 'failed' ELSE NULL END,
    state = CASE WHEN final_state IS NULL THEN 'sent' ELSE 'ended' END,
    request = json_object(
      'document', document, 'documentVersion', '$DEFAULT', 'parameters', json(parameters),
      'targets', CASE target_mode
        WHEN 'nodes' THEN json_object('mode', 'nodes', 'nodeIds', json(node_ids))
        WHEN 'tag' THEN json_object('mode', 'tags', 'tags', json_array(json_object('key', json_extract(commands, '$[0].target.key'), 'values', json_array(json_extract(commands, '$[0].target.value')))))
        ELSE json_object('mode', 'patchGroup', 'patchGroup', json_extract(commands, '$[0].target.value')) END,
      'maxConcurrency', max_concurrency, 'maxErrors', max_errors, 'timeoutSeconds', timeout_seconds, 'keepUnsupported', json('false'));
  UPDATE runs SET target_mode = 'tags' WHERE target_mode = 'tag';
  UPDATE runs SET request = json_set(request, '$.comment', comment) WHERE comment IS NOT NULL;
  UPDATE runs SET request = json_set(request, '$.retryOf', retry_of) WHERE retry_of IS NOT NULL;
  `,
  // 3: the dashboard's own history (lib/history). One compact fleet summary per kept refresh, keyed by its 5-minute
  // slot (the rowid: time-range reads need no other index); each node's compliance changes; each node's last known
  // compliance state, to detect the next change; and a few markers (the demo history was generated once).
  `
  CREATE TABLE fleet_history (
    slot INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    total INTEGER NOT NULL,
    managed INTEGER NOT NULL,
    online INTEGER NOT NULL,
    connection_lost INTEGER NOT NULL,
    inactive INTEGER NOT NULL,
    not_managed INTEGER NOT NULL,
    not_running INTEGER NOT NULL,
    compliant INTEGER NOT NULL,
    noncompliant INTEGER NOT NULL,
    not_scanned INTEGER NOT NULL,
    patch_unknown INTEGER NOT NULL,
    critical_nodes INTEGER NOT NULL,
    agent_latest INTEGER NOT NULL,
    agent_outdated INTEGER NOT NULL,
    open_ops_items INTEGER NOT NULL,
    partial INTEGER NOT NULL DEFAULT 0,
    simulated INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE compliance_changes (
    id INTEGER PRIMARY KEY,
    node_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    from_status TEXT CHECK (from_status IN ('compliant', 'noncompliant', 'notScanned')),
    to_status TEXT CHECK (to_status IN ('compliant', 'noncompliant', 'notScanned')),
    missing INTEGER,
    failed INTEGER,
    critical INTEGER,
    pending_reboot INTEGER,
    operation TEXT,
    baseline_id TEXT,
    scanned_at INTEGER,
    previous_operation TEXT,
    previous_baseline_id TEXT,
    overwritten INTEGER NOT NULL DEFAULT 0,
    simulated INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX compliance_changes_node ON compliance_changes (node_id, at);
  CREATE INDEX compliance_changes_at ON compliance_changes (at);

  CREATE TABLE node_compliance_state (
    node_id TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('compliant', 'noncompliant', 'notScanned')),
    missing INTEGER,
    failed INTEGER,
    critical INTEGER,
    operation TEXT,
    baseline_id TEXT,
    seen_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE history_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 4: refused attempts are kept as a bounded summary: the route, the body's size and SHA-256 instead of the body
  // (a refused request used to be stored with its parameters and targets, up to 256 KiB each). Refused records written
  // before keep their reason but lose oversized parameters and targets (over 4 KiB), with the size they had.
  `
  ALTER TABLE audit ADD COLUMN route TEXT;
  ALTER TABLE audit ADD COLUMN body_bytes INTEGER;
  ALTER TABLE audit ADD COLUMN body_sha256 TEXT;
  UPDATE audit SET body_bytes = length(CAST(parameters AS BLOB)) + length(CAST(targets AS BLOB)), parameters = '{}', targets = '[]',
    target_summary = substr(target_summary, 1, 200), error_message = substr(error_message, 1, 1000)
  WHERE status = 'refused' AND length(parameters) + length(targets) + length(target_summary) + COALESCE(length(error_message), 0) > 4096;
  CREATE INDEX audit_status ON audit (status);
  `,
  // 5: many accounts. A run's command is sent in an account and a region; runs and audit records list the accounts
  // they touched (their `regions` hold scope keys: the region alone for the dashboard's own account, account/region
  // for an account of the accounts file). Earlier records are the dashboard's own account ('').
  `
  ALTER TABLE run_commands ADD COLUMN account TEXT NOT NULL DEFAULT '';
  ALTER TABLE runs ADD COLUMN accounts TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE audit ADD COLUMN accounts TEXT NOT NULL DEFAULT '[]';
  `,
];
