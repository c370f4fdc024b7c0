-- The language the employer used when asking (Language: es, en), so that every mail of the recovery speaks it;
-- recoveries from before this column, and walk-ins registered by staff, are Spanish.
ALTER TABLE recovery ADD COLUMN language VARCHAR(8) DEFAULT 'es' NOT NULL;
