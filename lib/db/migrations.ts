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
];
