// The licences an image can be published under, with the wording readers see and the link to the licence.

export const LICENCES = {
  OWN_WORK: { label: "Own work", url: null },
  CC0: { label: "CC0 1.0 (public domain dedication)", url: "https://creativecommons.org/publicdomain/zero/1.0/" },
  CC_BY_4: { label: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  CC_BY_SA_4: { label: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
  CC_BY_NC_4: { label: "CC BY-NC 4.0", url: "https://creativecommons.org/licenses/by-nc/4.0/" },
  PUBLIC_DOMAIN: { label: "Public domain", url: "https://creativecommons.org/publicdomain/mark/1.0/" },
  LICENSED: { label: "Licensed from an agency", url: null },
} as const;

export type LicenceCode = keyof typeof LICENCES;
export const LICENCE_CODES = Object.keys(LICENCES) as LicenceCode[];

export function isLicenceCode(value: unknown): value is LicenceCode {
  return typeof value === "string" && value in LICENCES;
}

/** "CC BY 4.0", or "Licensed from Science Photo Library". */
export function licenceLabel(code: string | null | undefined, agency = ""): string {
  if (!isLicenceCode(code)) return "";
  if (code === "LICENSED") return agency.trim() ? `Licensed from ${agency.trim()}` : LICENCES.LICENSED.label;
  return LICENCES[code].label;
}
