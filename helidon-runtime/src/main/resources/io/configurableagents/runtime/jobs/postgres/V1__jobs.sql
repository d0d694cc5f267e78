-- Version 1 of the job store's schema (docs/scaling.md). Applied once, in one transaction, by
-- SchemaMigration under an advisory lock; never edit a released version: add V2__....sql instead.

-- One row per job. replica: the replica that accepted it, the only one that runs it.
CREATE TABLE agent_jobs (
  id               text PRIMARY KEY,
  replica          text NOT NULL,
  status           text NOT NULL,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  completed_at     timestamptz,
  outputs          json,
  error_type       text,
  error_node       text,
  error_message    text,
  provider_failure boolean NOT NULL DEFAULT false
);

-- the jobs still pending or running, by replica: what the reaper of expired leases looks at
CREATE INDEX agent_jobs_unfinished ON agent_jobs (replica) WHERE completed_at IS NULL;
-- the finished jobs in the order they finished: what retention removes, oldest first
CREATE INDEX agent_jobs_finished ON agent_jobs (completed_at) WHERE completed_at IS NOT NULL;

-- One row per running replica: its lease, renewed by its heartbeat (database time).
CREATE TABLE agent_replicas (
  id          text PRIMARY KEY,
  started_at  timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz NOT NULL
);
