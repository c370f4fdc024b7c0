-- Failed sign-ins per (employer, client) pair, shared by all nodes: the pair's next try waits until next_attempt_at.
-- A success deletes the pair's row, a new clave the employer's rows; rows quiet for a day are deleted by the application.
CREATE TABLE sign_in_failure (
    employer_key     VARCHAR(17)              NOT NULL,
    client           VARCHAR(128)             NOT NULL,
    failures         INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sign_in_failure PRIMARY KEY (employer_key, client)
);

CREATE INDEX ix_sign_in_failure_last_failure ON sign_in_failure (last_failure_at);
