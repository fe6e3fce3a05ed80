// Where the lay reader lands once their answers are recorded (the link itself is used by then).
export const LAY_REVIEW_SENT_PATH = "/lay-review?sent=1";
