import type { Intent, Lang } from "./types.js";

/**
 * One example question per topic the assistant answers, in Swedish and English, with the intent that
 * answers it. The help answer, the bot's help card and `samverkan ask --help` list these, and a test
 * asks every one of them, so the examples cannot drift from what the assistant really answers.
 */
export interface TopicExample {
  readonly topic: string;
  readonly title: Readonly<Record<Lang, string>>;
  readonly question: Readonly<Record<Lang, string>>;
  readonly intent: Intent;
  /** The previous question, for an example that is a follow-up. */
  readonly after?: Readonly<Record<Lang, string>>;
}

export const TOPIC_EXAMPLES: readonly TopicExample[] = [
  {
    topic: "cost",
    title: { sv: "Vad en kommun betalar", en: "What a municipality pays" },
    question: {
      sv: "Vad betalar Kalix för e-arkiv 2023?",
      en: "What does Kalix pay for the e-archive in 2023?",
    },
    intent: "itemCost",
  },
  {
    topic: "statement",
    title: { sv: "En kommuns besked för ett år", en: "A municipality's statement for a year" },
    question: {
      sv: "Vad betalar Luleå totalt 2023 jämfört med 2022?",
      en: "What does Luleå pay in total in 2023 compared with 2022?",
    },
    intent: "statement",
  },
  {
    topic: "split",
    title: { sv: "Hur en post fördelas och varför", en: "How an item is split, and why" },
    question: { sv: "Hur fördelas grundfinansieringen 2023?", en: "How is the base funding split in 2023?" },
    intent: "itemSplit",
  },
  {
    topic: "extras",
    title: { sv: "Vad som tillkommer", en: "Charges on top" },
    question: { sv: "Vad tillkommer för e-arkivet?", en: "What comes on top for the e-archive?" },
    intent: "extras",
  },
  {
    topic: "members",
    title: { sv: "Medlemmar och deltagare", en: "Members and participants" },
    question: {
      sv: "Vilka deltar i förstudien om e-learning?",
      en: "Who takes part in the e-learning pre-study?",
    },
    intent: "participants",
  },
  {
    topic: "meetings",
    title: { sv: "Möten", en: "Meetings" },
    question: { sv: "När är nästa sammanträde?", en: "When is the next committee meeting?" },
    intent: "nextMeeting",
  },
  {
    topic: "annual-cycle",
    title: { sv: "Årshjulet", en: "The annual cycle" },
    question: { sv: "Vad ska beslutas i juni?", en: "What is decided in June?" },
    intent: "annualCycle",
  },
  {
    topic: "attendance",
    title: { sv: "Närvaro", en: "Attendance" },
    question: {
      sv: "Hur många ledamöter deltog 16 mars 2022?",
      en: "How many members attended on 16 March 2022?",
    },
    intent: "attendance",
  },
  {
    topic: "goals",
    title: { sv: "Mål och indikatorer", en: "Goals and indicators" },
    question: { sv: "Vilka mål har nämnden 2022?", en: "What are the committee's goals for 2022?" },
    intent: "goals",
  },
  {
    topic: "risks",
    title: { sv: "Risker", en: "Risks" },
    question: { sv: "Vilka är de största riskerna?", en: "What are the biggest risks?" },
    intent: "risks",
  },
  {
    topic: "projects",
    title: { sv: "Projekt och förstudier", en: "Projects and pre-studies" },
    question: { sv: "Vilka projekt pågår?", en: "Which projects are under way?" },
    intent: "projects",
  },
  {
    topic: "decisions",
    title: { sv: "Beslut", en: "Decisions" },
    question: {
      sv: "Vilka beslut togs 22 juni 2022?",
      en: "What did the committee decide on 22 June 2022?",
    },
    intent: "decisions",
  },
  {
    topic: "budget",
    title: { sv: "Budget", en: "Budget" },
    question: { sv: "Vad är budgeten för 2023?", en: "What is the budget for 2023?" },
    intent: "budget",
  },
  {
    topic: "outcome",
    title: { sv: "Utfall och prognos", en: "Outcome and forecast" },
    question: { sv: "Vad är prognosen för helåret 2022?", en: "What is the forecast for 2022?" },
    intent: "outcome",
  },
  {
    topic: "what-if",
    title: { sv: "Tänk om (beräknade scenarier)", en: "What if (computed scenarios)" },
    question: {
      sv: "Vad händer om Kalix lämnar e-arkivet 2023?",
      en: "What if Kalix leaves the e-archive in 2023?",
    },
    intent: "whatIf",
  },
  {
    topic: "skanearkiv",
    title: { sv: "SkånEarkivs maximala uttag", en: "SkånEarkiv's maximum withdrawals" },
    question: {
      sv: "Vad är Lunds maximala uttag 2022?",
      en: "How much can Landskrona be charged at most for the e-archive in 2023?",
    },
    intent: "maxWithdrawal",
  },
  {
    topic: "follow-ups",
    title: { sv: "Följdfrågor", en: "Follow-ups" },
    after: {
      sv: "Vad betalar Kalix för e-arkiv 2023?",
      en: "What does Kalix pay for the e-archive in 2023?",
    },
    question: { sv: "och 2022?", en: "and 2022?" },
    intent: "itemCost",
  },
];

/** "Ämne: fråga" lines, one per topic, for a help text (a follow-up example says what it follows). */
export function exampleLines(lang: Lang): string[] {
  return TOPIC_EXAMPLES.map((e) =>
    e.after
      ? `${e.title[lang]}: "${e.after[lang]}" ${lang === "sv" ? "och sedan" : "then"} "${e.question[lang]}"`
      : `${e.title[lang]}: "${e.question[lang]}"`,
  );
}
