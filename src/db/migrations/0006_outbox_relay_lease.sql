-- Several servers may share one database. Each runs an outbox relay, but only one may publish at a
-- time, or two would send the same rows and a key's events could leave out of order. The relay that
-- holds this single-row lease publishes; it renews the lease before every batch and gives it up when
-- it stops. A holder that dies without giving it up loses it when it expires.
CREATE TABLE outbox_relay_lease (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  holder      text NOT NULL,
  expires_at  timestamptz NOT NULL
);
