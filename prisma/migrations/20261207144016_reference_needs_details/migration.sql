-- Reference: the importer's "needs details" flag and the entry as the imported page showed it. Two columns with
-- defaults, added in place (no table rebuild): every existing reference keeps its row, with needsDetails false
-- and importedText empty.
ALTER TABLE "Reference" ADD COLUMN "needsDetails" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Reference" ADD COLUMN "importedText" TEXT NOT NULL DEFAULT '';
