-- Fixed-window rate-limit counters, shared by all nodes: one row per (limit, subject, window).
-- Rows of past windows are deleted by the application; window_start is indexed for that.
CREATE TABLE rate_limit_counter (
    limit_name    VARCHAR(64)              NOT NULL,
    subject       VARCHAR(128)             NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    hits          INTEGER                  NOT NULL,
    CONSTRAINT pk_rate_limit_counter PRIMARY KEY (limit_name, subject, window_start)
);

CREATE INDEX ix_rate_limit_counter_window ON rate_limit_counter (window_start);
