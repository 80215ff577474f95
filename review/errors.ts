// A problem that stops the review before it can compare anything (bad
// arguments, unknown ref, no contract in the working tree): exit code 2, so
// CI tells "could not review" from "review failed" (exit code 1).
export class CannotReview extends Error {
  override readonly name = 'CannotReview';
}
