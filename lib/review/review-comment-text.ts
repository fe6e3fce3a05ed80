// Review comments are anchored to a top-level block of a frozen revision; threads are one level deep (replies
// point at the root comment). What a comment's text may be, for starting one and for replying.
import { z } from "zod";

export const reviewCommentBody = z
  .string({ error: "Write the comment." })
  .trim()
  .min(1, "Write the comment.")
  .max(5000, "Keep the comment under 5000 characters.");
