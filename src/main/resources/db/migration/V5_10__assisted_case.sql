-- What an assisted case adds to its recovery (whose row holds the case number): the date by which the employer
-- must visit a centre, the staff decision, and once approved how long the approval lasts and how many new links
-- the employer may still ask for, so that a missed link mail never costs a second visit.
CREATE TABLE assisted_case (
    recovery_id          VARCHAR(36)              NOT NULL,
    deadline             TIMESTAMP WITH TIME ZONE NOT NULL,
    approval_expires_at  TIMESTAMP WITH TIME ZONE,
    link_resends_left    INTEGER,
    rejection_reason     VARCHAR(32),
    rejection_notes      VARCHAR(2000),
    CONSTRAINT pk_assisted_case PRIMARY KEY (recovery_id),
    CONSTRAINT fk_assisted_case_recovery FOREIGN KEY (recovery_id) REFERENCES recovery (id) ON DELETE CASCADE
);
