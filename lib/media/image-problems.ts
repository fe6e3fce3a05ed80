// What an article's images still lack before it may be published: alt text, a licence (with the agency when
// licensed), and for a clinical photograph the patient's consent. One wording for the publish gate's images
// item (lib/gate/evaluate-gate.ts) and the editor's Checks panel, so the writer reads there what the gate will
// say. Pure, no server imports: the editor runs it on the records its Images panel already has.

export interface ImageRecordForProblems {
  mediaId: string;
  alt: string;
  licence: string | null;
  licenceAgency: string;
  clinical: boolean;
  consentOnFile: boolean;
}

/** How an image is named in a problem: its alt text (shortened), else the end of its id. */
export function imageName(image: ImageRecordForProblems): string {
  const alt = image.alt.trim();
  return alt ? `“${alt.slice(0, 50)}”` : `image ${image.mediaId.slice(-6)}`;
}

/** The problems, one sentence each (none when every image is ready to publish). */
export function imageProblems(images: ReadonlyArray<ImageRecordForProblems>): string[] {
  const noAlt = images.filter((i) => !i.alt.trim());
  const noLicence = images.filter((i) => !i.licence || (i.licence === "LICENSED" && !i.licenceAgency.trim()));
  const noConsent = images.filter((i) => i.clinical && !i.consentOnFile);
  const problems: string[] = [];
  if (noAlt.length) problems.push(`${noAlt.length} image${noAlt.length > 1 ? "s have" : " has"} no alt text.`);
  if (noLicence.length) problems.push(`No licence recorded for ${noLicence.map(imageName).join(", ")}.`);
  if (noConsent.length)
    problems.push(
      `No patient consent on file for the clinical photograph${noConsent.length > 1 ? "s" : ""} ${noConsent.map(imageName).join(", ")}.`,
    );
  return problems;
}
