-- One row that the health check updates: a database that still answers reads but takes no write
-- (full disk, read-only, a lost grant) makes /actuator/health DOWN.
CREATE TABLE health_probe (
    id          INTEGER                  NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_health_probe PRIMARY KEY (id)
);

INSERT INTO health_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);

-- When the retention purge last ran: the node that moves this first runs the purge, the others skip that turn.
CREATE TABLE retention_purge (
    id           INTEGER                  NOT NULL,
    last_run_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_retention_purge PRIMARY KEY (id)
);

INSERT INTO retention_purge (id, last_run_at) VALUES (1, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00');

-- The purge finds old recoveries by their last change.
CREATE INDEX ix_recovery_updated_at ON recovery (updated_at);
