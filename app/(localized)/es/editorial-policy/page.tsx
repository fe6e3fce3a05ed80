// /es/editorial-policy: the editorial policy in Spanish (app/(public)/_views/editorial-policy-view.tsx).
import { EditorialPolicyView, editorialPolicyMetadata } from "@/app/(public)/_views/editorial-policy-view";

export const metadata = editorialPolicyMetadata("es");

export default function SpanishEditorialPolicyPage() {
  return <EditorialPolicyView locale="es" />;
}
