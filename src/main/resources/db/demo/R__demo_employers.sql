-- Demo employers of the default profile (never in prod). Idempotent: it runs again when edited.
-- Every demo employer but the GAD (first-time key) has the clave 'Clave anterior de demostracion 2025'.

INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
  SELECT '1790012344001', '0001', 'Comercial Andina S.A.', '1712345675', 'talento.humano@comercial-andina.example', 'ACTIVE' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM employer WHERE ruc = '1790012344001' AND sucursal = '0001');
INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
  SELECT '1790012344001', '0002', 'Comercial Andina S.A. (Guayaquil)', '1712345675', 'gye@comercial-andina.example', 'ACTIVE' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM employer WHERE ruc = '1790012344001' AND sucursal = '0002');
INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
  SELECT '1704567898001', '0001', 'María Fernanda Pérez', '1704567898', 'mfperez@correo.example', 'ACTIVE' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM employer WHERE ruc = '1704567898001' AND sucursal = '0001');
INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
  SELECT '0912345675000', '0001', 'Jorge Luis Cevallos', '0912345675', 'jlcevallos@correo.example', 'ACTIVE' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM employer WHERE ruc = '0912345675000' AND sucursal = '0001');
INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
  SELECT '0990123454001', '0001', 'Pesquera del Pacífico Cía. Ltda.', '0922334453', 'rrhh@pesquera-pacifico.example', 'SUSPENDED' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM employer WHERE ruc = '0990123454001' AND sucursal = '0001');
INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
  SELECT '1791112229001', '0001', 'Constructora Los Andes S.A.', '1103456784', 'admin@constructora-andes.example', 'CLOSED' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM employer WHERE ruc = '1791112229001' AND sucursal = '0001');
INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
  SELECT '1792223334001', '0001', 'Textiles Imbabura S.A.', '1711223345', NULL, 'ACTIVE' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM employer WHERE ruc = '1792223334001' AND sucursal = '0001');
INSERT INTO employer (ruc, sucursal, name, representative_id, email, ruc_status)
  SELECT '1760012320001', '0001', 'GAD Municipal de Ejemplo', '1700112236', 'talento@gad-ejemplo.example', 'ACTIVE' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM employer WHERE ruc = '1760012320001' AND sucursal = '0001');
INSERT INTO credential (ruc, sucursal, password_hash, changed_at)
  SELECT '1790012344001', '0001', '$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00-05:00' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM credential WHERE ruc = '1790012344001' AND sucursal = '0001');
INSERT INTO credential (ruc, sucursal, password_hash, changed_at)
  SELECT '1790012344001', '0002', '$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00-05:00' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM credential WHERE ruc = '1790012344001' AND sucursal = '0002');
INSERT INTO credential (ruc, sucursal, password_hash, changed_at)
  SELECT '1704567898001', '0001', '$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00-05:00' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM credential WHERE ruc = '1704567898001' AND sucursal = '0001');
INSERT INTO credential (ruc, sucursal, password_hash, changed_at)
  SELECT '0912345675000', '0001', '$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00-05:00' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM credential WHERE ruc = '0912345675000' AND sucursal = '0001');
INSERT INTO credential (ruc, sucursal, password_hash, changed_at)
  SELECT '0990123454001', '0001', '$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00-05:00' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM credential WHERE ruc = '0990123454001' AND sucursal = '0001');
INSERT INTO credential (ruc, sucursal, password_hash, changed_at)
  SELECT '1791112229001', '0001', '$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00-05:00' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM credential WHERE ruc = '1791112229001' AND sucursal = '0001');
INSERT INTO credential (ruc, sucursal, password_hash, changed_at)
  SELECT '1792223334001', '0001', '$argon2id$v=19$m=19456,t=2,p=1$0ktB8+TW3cp3/8e2Kd5VMg$10eel984cUxCqW6eGDKV+Sbmms2BfK2ZVcdNYw+iBD8', TIMESTAMP WITH TIME ZONE '2025-01-15 09:00:00-05:00' FROM (VALUES (1)) AS one(x)
  WHERE NOT EXISTS (SELECT 1 FROM credential WHERE ruc = '1792223334001' AND sucursal = '0001');
