-- One list of specialties: every specialty a credential names joins the list (once, whatever its case or
-- surrounding spaces) and is ticked on that credential. lib/assignments/specialties.ts (linkCredentialSpecialty)
-- does the same for every credential saved from now on. No audit events: the chain is written by the app only.
INSERT INTO "Specialty" ("id", "name", "createdAt")
SELECT 'c' || LOWER(HEX(RANDOMBLOB(12))), MIN(TRIM(c."specialty")), MIN(c."createdAt")
FROM "Credential" c
WHERE TRIM(c."specialty") <> ''
  AND NOT EXISTS (SELECT 1 FROM "Specialty" s WHERE LOWER(TRIM(s."name")) = LOWER(TRIM(c."specialty")))
GROUP BY LOWER(TRIM(c."specialty"));

INSERT INTO "CredentialSpecialty" ("credentialId", "specialtyId")
SELECT c."id", s."id"
FROM "Credential" c
JOIN "Specialty" s ON LOWER(TRIM(s."name")) = LOWER(TRIM(c."specialty"))
WHERE NOT EXISTS (
  SELECT 1 FROM "CredentialSpecialty" x WHERE x."credentialId" = c."id" AND x."specialtyId" = s."id"
);
