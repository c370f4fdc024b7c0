-- The employer registry as the recovery service sees it (the institution's master data is the source).
CREATE TABLE employer (
    ruc                VARCHAR(13)  NOT NULL,
    sucursal           VARCHAR(4)   NOT NULL,
    name               VARCHAR(200) NOT NULL,
    representative_id  VARCHAR(10)  NOT NULL,
    email              VARCHAR(254),
    ruc_status         VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_employer PRIMARY KEY (ruc, sucursal),
    CONSTRAINT ck_employer_ruc_status CHECK (ruc_status IN ('ACTIVE', 'SUSPENDED', 'CLOSED'))
);

-- One clave per employer (RUC + sucursal): an Argon2id hash in PHC string format.
CREATE TABLE credential (
    ruc            VARCHAR(13)              NOT NULL,
    sucursal       VARCHAR(4)               NOT NULL,
    password_hash  VARCHAR(255)             NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_credential PRIMARY KEY (ruc, sucursal),
    CONSTRAINT fk_credential_employer FOREIGN KEY (ruc, sucursal) REFERENCES employer (ruc, sucursal)
);
