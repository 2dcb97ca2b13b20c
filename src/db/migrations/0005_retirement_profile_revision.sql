-- A revision number per stored retirement profile, raised by every save. A client that read
-- revision N can ask to save only if the profile is still at N (HTTP If-Match), so two people
-- editing the same household's profile cannot silently overwrite each other's inputs.
ALTER TABLE retirement_profiles ADD COLUMN revision integer NOT NULL DEFAULT 1;
