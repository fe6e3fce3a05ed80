// The editorial policy in the default language (../_views/editorial-policy-view.tsx).
import { EditorialPolicyView, editorialPolicyMetadata } from "../_views/editorial-policy-view";

export const metadata = editorialPolicyMetadata("en");

export default function EditorialPolicyPage() {
  return <EditorialPolicyView locale="en" />;
}
