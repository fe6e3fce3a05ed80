// /es: the Spanish home (app/(public)/_views/home-view.tsx).
import { connection } from "next/server";
import { HomeView, homeMetadata } from "@/app/(public)/_views/home-view";

export const metadata = homeMetadata("es");

export default async function SpanishHomePage() {
  await connection();
  return <HomeView locale="es" />;
}
