import type { Metadata } from "next";
import "./globals.css";
import { HydrationMarker } from "@/components/ui/hydration-marker";

export const metadata: Metadata = {
  title: { default: "Imprimatur Health", template: "%s · Imprimatur Health" },
  description: "Medically reviewed health articles with checkable sources.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
