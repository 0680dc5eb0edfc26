/**
 * Questions the bot could not answer with confidence, kept so organisers see what travellers
 * really ask (`/marathon questions`) and grow the FAQ from it. Only what that needs is kept:
 * the words, the trip, the platform and channel, the time; never who asked. Records expire
 * after QUESTION_RETENTION_DAYS.
 */
export interface AskedQuestion {
  tripId: string;
  text: string;
  platform: string;
  channelId: string;
  askedAt: Date;
}

export const QUESTION_RETENTION_DAYS = 90;
/** How many of a trip's latest questions a listing reads at most. */
export const MAX_LISTED_QUESTIONS = 500;

export interface QuestionStore {
  record(question: AskedQuestion): Promise<void>;
  /** The trip's questions asked within the retention period before `now`, newest first. */
  list(tripId: string, now: Date): Promise<AskedQuestion[]>;
}

export const retentionStart = (now: Date): Date =>
  new Date(now.getTime() - QUESTION_RETENTION_DAYS * 86_400_000);

/** For tests and the terminal: questions in memory, forgotten after the retention period. */
export class InMemoryQuestionStore implements QuestionStore {
  private readonly questions: AskedQuestion[] = [];

  async record(question: AskedQuestion): Promise<void> {
    this.questions.push({ ...question, askedAt: new Date(question.askedAt) });
  }

  async list(tripId: string, now: Date): Promise<AskedQuestion[]> {
    const since = retentionStart(now).getTime();
    return this.questions
      .filter((q) => q.tripId === tripId && q.askedAt.getTime() > since)
      .sort((a, b) => b.askedAt.getTime() - a.askedAt.getTime())
      .slice(0, MAX_LISTED_QUESTIONS)
      .map((q) => ({ ...q }));
  }
}
