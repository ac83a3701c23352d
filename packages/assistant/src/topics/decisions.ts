import type { Decision, Meeting } from "@samverkan/domain";
import { say, type Draft, type Fact, type Turn } from "../draft.js";
import { answerMeeting } from "../intents/meetings.js";
import { capitalise, dateText, listing, monthName } from "../phrases.js";
import { interpretationNote } from "../resolve.js";
import {
  caseNumbersIn,
  englishPast,
  findDecisions,
  minutesIndex,
  paragraphsIn,
  pastIndex,
  plannedIndex,
  readDecisionQuestion,
  recentIndex,
  toBeDecidedIndex,
  type DecisionQuestion,
  type DecisionSearch,
} from "./decisions-find.js";
import {
  decisionDetail,
  decisionLine,
  decisionsTable,
  meetingName,
  meetingOf,
  minutedMeetings,
  minutesNote,
  minutesSource,
  paragraphsText,
} from "./decisions-format.js";
import type { Topic } from "./topic.js";

/**
 * Whether the question is about decisions already taken (the minutes), not about what the årshjul says
 * is to be decided. A paragraph (§ 12), a case number or a word of the minutes (protokoll, ärende)
 * always is; otherwise a past tense ("beslutade", "togs", "did … decide") is, and a word of planning
 * ("ska", "nästa", "is decided", "när") leaves the question to the annual cycle. A question in the risks'
 * or goals' words ("Vilka risker beslutades att accepteras?") is theirs: their plans have decisions too.
 */
function claims(turn: Turn): boolean {
  const p = turn.parsed;
  const reference = paragraphsIn(p.question).length > 0 || caseNumbersIn(p.question).length > 0;
  if (!p.topicSignals.has("decisions") && !reference) return false;
  if (reference || minutesIndex.has(p.words)) return true;
  if (p.topicSignals.has("risks") || p.topicSignals.has("goals")) return false;
  if (toBeDecidedIndex.has(p.words)) return false;
  if (pastIndex.has(p.words) || englishPast(p.words)) return true;
  if (plannedIndex.has(p.words)) return false;
  if (recentIndex.has(p.words)) return true;
  // No tense: "beslut om budget", "Vilka beslut finns?". A month or day still to come is the årshjul's.
  const q = readDecisionQuestion(turn);
  const now = turn.now;
  const year = q.date?.year ?? q.year ?? now.year;
  const month = q.date?.month ?? q.month;
  if (month !== undefined) {
    const day = q.date?.day ?? 1;
    const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (iso > now.date) return false;
  } else if (q.year !== undefined && q.year > now.year) return false;
  return true;
}

/** "med § 20 och om "skolan"": what was looked for, as a phrase after "inget beslut". */
function searchedText(turn: Turn, q: DecisionQuestion): string {
  const parts: string[] = [];
  if (q.paragraphs.length > 0)
    parts.push(
      say(turn, "med ", "with ") +
        listing(
          q.paragraphs.map((n) => `§ ${n}`),
          turn.lang,
        ),
    );
  if (q.caseNumbers.length > 0)
    parts.push(
      say(
        turn,
        `med ärendenr ${listing(q.caseNumbers, "sv")}`,
        `with case no. ${listing(q.caseNumbers, "en")}`,
      ),
    );
  if (q.date) {
    const { year, month, day } = q.date;
    const when = `${day} ${monthName(month, turn.lang)}${year ? ` ${year}` : ""}`;
    parts.push(say(turn, `från ${when}`, `from ${when}`));
  } else if (q.month !== undefined) {
    const when = `${monthName(q.month, turn.lang)}${q.year ? ` ${q.year}` : ""}`;
    parts.push(say(turn, `från ${when}`, `from ${when}`));
  } else if (q.year !== undefined) parts.push(say(turn, `från ${q.year}`, `from ${q.year}`));
  const subject = q.subjects.map((s) => s.typed).filter((t, i, all) => all.indexOf(t) === i);
  if (subject.length > 0) parts.push(say(turn, `om "${subject.join(" ")}"`, `about "${subject.join(" ")}"`));
  if (q.municipalities.length > 0)
    parts.push(
      q.recipient
        ? say(
            turn,
            `som skickades till ${listing(q.municipalities, "sv")}`,
            `sent to ${listing(q.municipalities, "en")}`,
          )
        : say(
            turn,
            `som gäller ${listing(q.municipalities, "sv")}`,
            `concerning ${listing(q.municipalities, "en")}`,
          ),
    );
  else if (q.recipient) parts.push(say(turn, "som skickades till någon kommun", "sent to any municipality"));
  if (q.latest) parts.push(say(turn, "från det senaste sammanträdet", "from the latest meeting"));
  return listing(parts, turn.lang);
}

/** The criteria a list of decisions was picked by, for its lead (the meeting is named there anyway). */
function pickedBy(turn: Turn, q: DecisionQuestion, s: DecisionSearch): string {
  const parts: string[] = [];
  if (s.matched.length > 0)
    parts.push(say(turn, `om "${s.matched.join(" ")}"`, `about "${s.matched.join(" ")}"`));
  if (q.municipalities.length > 0)
    parts.push(
      q.recipient
        ? say(
            turn,
            `skickade till ${listing(q.municipalities, "sv")}`,
            `sent to ${listing(q.municipalities, "en")}`,
          )
        : say(
            turn,
            `som gäller ${listing(q.municipalities, "sv")}`,
            `concerning ${listing(q.municipalities, "en")}`,
          ),
    );
  else if (q.recipient) parts.push(say(turn, "med sändlista", "sent to municipalities"));
  return parts.length > 0 ? ` ${listing(parts, turn.lang)}` : "";
}

function followUpsFor(turn: Turn, shown: readonly Decision[]): string[] {
  const all = turn.dataset.decisions;
  const first = shown[0] ?? all[0];
  const out: string[] = [];
  if (first && shown.length === 1) {
    const date = first.meetingDate;
    if (date)
      out.push(
        say(
          turn,
          `Vilka beslut togs ${dateText(date, "sv")}?`,
          `What was decided on ${dateText(date, "en")}?`,
        ),
      );
    const next = all.find((x) => x.paragraph === first.paragraph + 1) ?? all.find((x) => x !== first);
    if (next)
      out.push(
        say(turn, `Vad beslutades i § ${next.paragraph}?`, `What was decided in § ${next.paragraph}?`),
      );
  } else if (first) {
    out.push(
      say(turn, `Vad beslutades i § ${first.paragraph}?`, `What was decided in § ${first.paragraph}?`),
    );
  }
  const recipient = [...shown, ...all].find((x) => x.sentTo.length > 0)?.sentTo[0];
  if (recipient)
    out.push(
      say(turn, `Vilka beslut skickades till ${recipient}?`, `Which decisions were sent to ${recipient}?`),
    );
  out.push(say(turn, "Vad ska beslutas på nästa sammanträde?", "What is decided at the next meeting?"));
  return out.slice(0, 4);
}

function facts(turn: Turn, shown: readonly Decision[]): Fact[] {
  return [
    { title: say(turn, "Källa", "Source"), value: capitalise(minutesSource(turn, shown)) },
    { title: say(turn, "Paragrafer", "Paragraphs"), value: paragraphsText(shown, turn.lang) },
    ...(turn.lang === "en"
      ? [{ title: "Language", value: "Titles and decisions quoted in Swedish as minuted" }]
      : []),
  ];
}

/** SkånEarkiv and any collaboration whose data has no minutes: say so, and which collaboration has them. */
function noDecisions(turn: Turn): Draft {
  const d = turn.dataset;
  const others = turn.datasets.filter((o) => o !== d && o.decisions.length > 0);
  const name = turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn;
  const with_ = others.map((o) => (turn.lang === "sv" ? o.collaboration.name : o.collaboration.nameEn));
  return {
    intent: "decisions",
    collaboration: d.collaboration.id,
    text: say(
      turn,
      `${name} har inga protokoll eller beslut i datat.${with_.length ? ` Det finns för ${listing(with_, "sv")}.` : ""}`,
      `${name} has no minutes or decisions in the data.${with_.length ? ` There are for ${listing(with_, "en")}.` : ""}`,
    ),
    followUps: [
      ...others.map((o) =>
        say(
          turn,
          `Vilka beslut har ${o.collaboration.name} fattat?`,
          `Which decisions has ${o.collaboration.name} taken?`,
        ),
      ),
      say(
        turn,
        `Vilka kommuner är med i ${d.collaboration.name}?`,
        `Which municipalities are members of ${d.collaboration.name}?`,
      ),
    ],
  };
}

/** Nothing matches: what was looked for, the meetings the data has minutes of and their subjects. */
function nothingFound(turn: Turn, q: DecisionQuestion): Draft {
  const d = turn.dataset;
  const day = q.date;
  const planned: Meeting | undefined = day
    ? d.meetings.find(
        (m) =>
          m.date.endsWith(`-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`) &&
          (day.year === undefined || m.date.startsWith(`${day.year}-`)),
      )
    : undefined;
  const plannedText =
    planned && !d.decisions.some((x) => x.meetingDate === planned.date)
      ? say(
          turn,
          ` ${capitalise(meetingName(turn, planned.date))} finns i sammanträdesplanen, men dess protokoll finns inte i datat.`,
          ` ${capitalise(meetingName(turn, planned.date))} is in the meeting plan, but its minutes are not in the data.`,
        )
      : "";
  const titles = d.decisions.map((x) => `§ ${x.paragraph} ${x.title}`);
  return {
    intent: "decisions",
    collaboration: d.collaboration.id,
    text:
      say(
        turn,
        `Jag hittade inget beslut ${searchedText(turn, q)} i protokollen i datat.${plannedText} Protokoll finns från ${minutedMeetings(turn)}. Besluten gäller: ${titles.join("; ")}.`,
        `I found no decision ${searchedText(turn, q)} in the minutes in the data.${plannedText} There are minutes of ${minutedMeetings(turn)}. The decisions concern (titles in Swedish as minuted): ${titles.join("; ")}.`,
      ) + interpretationNote(turn),
    followUps: followUpsFor(turn, []),
    table: decisionsTable(turn, d.decisions),
    facts: facts(turn, d.decisions),
  };
}

/** The decisions asked for: one in full, several as a list, each with its § and ärendenr and the source. */
function answer(turn: Turn): Draft {
  const d = turn.dataset;
  if (d.decisions.length === 0) return noDecisions(turn);
  const q = readDecisionQuestion(turn);
  const search = findDecisions(turn, q);
  const shown = search.found;
  if (shown.length === 0) return nothingFound(turn, q);
  const meetings = [...new Set(shown.map((x) => meetingOf(d, x)))];
  let text: string;
  if (shown.length === 1) text = decisionDetail(turn, shown[0] as Decision);
  else {
    const where = listing(
      [...new Set(shown.map((x) => x.meetingDate))].map((date) => meetingName(turn, date)),
      turn.lang,
    );
    const n = shown.length;
    const lead = say(
      turn,
      `${n} beslut${pickedBy(turn, q, search)} — ${where}, ${paragraphsText(shown, "sv")}:`,
      `${n} decisions${pickedBy(turn, q, search)} — ${where}, ${paragraphsText(shown, "en")}. Titles and decisions are quoted in Swedish as minuted:`,
    );
    text = [capitalise(lead), ...shown.map((x) => decisionLine(turn, x))].join("\n");
  }
  const unmatched =
    search.unmatched.length > 0
      ? say(
          turn,
          ` Inget beslut nämner ${listing(
            search.unmatched.map((w) => `"${w}"`),
            "sv",
          )}.`,
          ` No decision mentions ${listing(
            search.unmatched.map((w) => `"${w}"`),
            "en",
          )}.`,
        )
      : "";
  const tail = [
    unmatched.trim(),
    minutesNote(turn, meetings).trim(),
    say(turn, `Källa: ${minutesSource(turn, shown)}.`, `Source: ${minutesSource(turn, shown)}.`),
    interpretationNote(turn).trim(),
  ].filter(Boolean);
  text += (shown.length === 1 ? " " : "\n") + tail.join(" ");
  return {
    intent: "decisions",
    collaboration: d.collaboration.id,
    text,
    amounts: [],
    meetings: meetings.filter((m): m is Meeting => m !== undefined).map((m) => answerMeeting(turn, m)),
    followUps: followUpsFor(turn, shown),
    table: decisionsTable(turn, shown),
    facts: facts(turn, shown),
  };
}

export const decisionsTopic: Topic = { id: "decisions", claims, answer };
