-- The audit trail is append-only in the database itself, whatever the application (or a mistaken statement)
-- asks: no UPDATE, no TRUNCATE, and a DELETE only of rows older than the retention in audit_retention (the
-- retention purge's). Never less than one day, whatever that row says.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.occurred_at < now() - make_interval(days => GREATEST(1, (SELECT keep_days FROM audit_retention WHERE id = 1))) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only: row % is younger than the retention', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_old_rows_only BEFORE DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
