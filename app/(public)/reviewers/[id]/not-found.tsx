import { ReviewerNotFoundMessage } from "../../_components/not-found-message";

export default function ReviewerNotFound() {
  return <ReviewerNotFoundMessage />;
}
