// The fixed questionnaire a lay reader answers (PIF TICK criterion 5: involving users). Plain data so the
// link page, the studio and the evidence pack show the same wording.
export const UNDERSTANDABLE = ["YES", "MOSTLY", "NO"] as const;
export type Understandable = (typeof UNDERSTANDABLE)[number];
export const UNDERSTANDABLE_LABELS: Record<Understandable, string> = {
  YES: "Yes, all of it",
  MOSTLY: "Mostly",
  NO: "No, much of it was hard to follow",
};

export const READING_EASE = ["EASY", "ABOUT_RIGHT", "HARD"] as const;
export type ReadingEase = (typeof READING_EASE)[number];
export const READING_EASE_LABELS: Record<ReadingEase, string> = {
  EASY: "Easy to read",
  ABOUT_RIGHT: "About right",
  HARD: "Hard to read",
};

export const LAY_QUESTIONS = {
  understandable: "Could you understand the page?",
  missing: "Is anything missing that you would want to know?",
  worrying: "Did anything worry or upset you, or seem wrong?",
  readingEase: "How did it feel to read?",
  livedExperience: "I have experience of this condition, myself or as someone who cares for a person with it",
  comments: "Anything else you would like to tell the writers?",
} as const;

/** How long an invitation link works. */
export const LAY_INVITE_LIFETIME_DAYS = 14;
