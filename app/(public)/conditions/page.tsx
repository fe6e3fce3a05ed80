// Conditions A–Z in the default language (../_views/conditions-view.tsx).
import { connection } from "next/server";
import { ConditionsView, conditionsMetadata } from "../_views/conditions-view";

export const metadata = conditionsMetadata("en");

export default async function ConditionsPage() {
  await connection();
  return <ConditionsView locale="en" />;
}
