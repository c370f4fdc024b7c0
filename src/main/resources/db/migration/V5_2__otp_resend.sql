-- A new code in the same recovery: when the current code was made (the wait before the next one counts from it)
-- and how many codes were sent after the first.
ALTER TABLE recovery ADD COLUMN otp_issued_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE recovery ADD COLUMN otp_resends INTEGER DEFAULT 0 NOT NULL;
