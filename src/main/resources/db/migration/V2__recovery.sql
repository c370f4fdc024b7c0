-- One row per recovery request (= one process instance, whose business key is the id).
-- Secrets are kept only as digests; the sealed copy exists until the mail that carries it was sent.
CREATE TABLE recovery (
    id                   VARCHAR(36)              NOT NULL,
    process_instance_id  VARCHAR(64),
    ruc                  VARCHAR(13)              NOT NULL,
    sucursal             VARCHAR(4)               NOT NULL,
    channel              VARCHAR(16)              NOT NULL,
    status               VARCHAR(32)              NOT NULL,
    assisted_reason      VARCHAR(32),
    case_number          VARCHAR(32),
    masked_email         VARCHAR(254),
    otp_hmac             VARCHAR(64),
    otp_sealed           VARCHAR(128),
    otp_expires_at       TIMESTAMP WITH TIME ZONE,
    otp_attempts_left    INTEGER,
    link_token_hash      VARCHAR(64),
    link_sealed          VARCHAR(160),
    link_expires_at      TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_recovery PRIMARY KEY (id),
    CONSTRAINT uq_recovery_link_token UNIQUE (link_token_hash),
    CONSTRAINT uq_recovery_case_number UNIQUE (case_number)
);

CREATE INDEX ix_recovery_employer_status ON recovery (ruc, sucursal, status);
