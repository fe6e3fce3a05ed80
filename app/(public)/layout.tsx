// Frame of every readers' page in the default language (./_components/public-frame.tsx). Pages in another
// language live under app/(localized)/<locale>/ with the same frame in their language.
import { PublicFrame } from "./_components/public-frame";
import "./public.css";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicFrame locale="en">{children}</PublicFrame>;
}
