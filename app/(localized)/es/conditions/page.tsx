// /es/conditions: Spanish conditions A–Z (app/(public)/_views/conditions-view.tsx).
import { connection } from "next/server";
import { ConditionsView, conditionsMetadata } from "@/app/(public)/_views/conditions-view";

export const metadata = conditionsMetadata("es");

export default async function SpanishConditionsPage() {
  await connection();
  return <ConditionsView locale="es" />;
}
