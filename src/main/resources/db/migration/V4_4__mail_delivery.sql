-- Where the mail the employer waits for stands (MailDelivery: PENDING, RETRYING, SENT, FAILED), so that the
-- pages and the status API can say that a code or link could not be sent instead of "it is on its way".
ALTER TABLE recovery ADD COLUMN mail_delivery VARCHAR(16);
