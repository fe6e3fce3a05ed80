// Frame of every readers' page in Spanish (/es/…): the same frame as the default language's pages
// (app/(public)/layout.tsx) with the Spanish catalogue. Each page here is the shared view of app/(public)/_views
// with locale "es"; a further language is one more folder like this one and a catalogue in lib/i18n.
import { PublicFrame } from "@/app/(public)/_components/public-frame";
import "@/app/(public)/public.css";

export default function SpanishLayout({ children }: { children: React.ReactNode }) {
  return <PublicFrame locale="es">{children}</PublicFrame>;
}
