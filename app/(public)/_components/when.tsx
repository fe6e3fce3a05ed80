import { formatLongDate } from "@/lib/public/format-date";

/** A date readers see, with the machine-readable value alongside. */
export function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatLongDate(iso)}</time>;
}
