import { foldName, type Dataset, type Decision } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";
import { dayText, MONTHS_EN, MONTHS_SV } from "../words.js";

/**
 * The minutes' decisions (§): every decision by its paragraph and by its case number (Swedish, English,
 * misspelt), by a word of its title (every decision whose title has the word, and no other), every
 * meeting's decisions by its day and month, every recipient's decisions, the latest decisions; the
 * paragraphs and meetings the data has no minutes of (said so, never another decision); the årshjul's
 * questions of what is to be decided, which stay with the annual cycle; SkånEarkiv, which has no minutes.
 * Expected texts are the data's: "§ 12 Budget 2023", the ärendenr, the decision as minuted.
 */
export const topic = "decisions";

const now = "2022-09-01";
const head = (x: Decision) => `§ ${x.paragraph} ${x.title}`;
/** The decision as the answer quotes it: as minuted, without a closing full stop. */
const minuted = (x: Decision) => x.decision.trim().replace(/\.$/, "");
const words = (s: string) => s.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
/** Title words that say how, not what: "Information gällande revidering …". */
const NOT_A_SUBJECT = new Set(["gallande", "kommun"]);

export function cases({ norrbotten, skanearkiv }: { norrbotten: Dataset; skanearkiv: Dataset }): EvalCase[] {
  const d = norrbotten;
  const out: EvalCase[] = [];
  const all = d.decisions;
  const sv = (q: string, intent: string, text: string[], notText: string[] = []): EvalCase => ({
    q,
    now,
    lang: "sv",
    intent,
    text,
    ...(notText.length ? { notText } : {}),
  });
  const en = (q: string, intent: string, text: string[], notText: string[] = []): EvalCase => ({
    ...sv(q, intent, text, notText),
    lang: "en",
  });
  const date = (x: Decision, lang: "sv" | "en") => (x.meetingDate ? dayText(x.meetingDate, lang) : "");

  // Every decision by its paragraph and its case number.
  for (const x of all) {
    const caseNumber = x.caseNumber;
    if (caseNumber === undefined)
      throw new Error(`the published minutes give § ${x.paragraph} a case number`);
    const detail = [head(x), caseNumber, minuted(x)];
    out.push(
      sv(`Vad beslutades i § ${x.paragraph}?`, "decisions", [...detail, date(x, "sv"), "Källa: protokollet"]),
      en(`What was decided in paragraph ${x.paragraph}?`, "decisions", [
        ...detail,
        "quoted in Swedish as minuted",
        date(x, "en"),
      ]),
      sv(`ärende ${caseNumber}`, "decisions", detail),
      en(`Which decision has case number ${caseNumber}?`, "decisions", detail),
      sv(`Vad står i protokolet om paragraf ${x.paragraph}?`, "decisions", detail),
      en(`desicion in § ${x.paragraph}`, "decisions", detail),
    );
    if (x.sentTo.length > 0)
      out.push(sv(`§ ${x.paragraph}`, "decisions", [`Beslutet skickas till`, ...x.sentTo]));
  }

  // By a word of the title: every decision whose title has the word, and none other.
  const municipalityWords = new Set(
    d.municipalities.flatMap((m) => [foldName(m.name), `${foldName(m.name)}s`]),
  );
  const titleWords = (x: Decision) => words(x.title).map((w) => foldName(w));
  const asked = new Set<string>();
  for (const x of all)
    for (const w of words(x.title)) {
      const key = foldName(w);
      if (
        key.length < 6 ||
        /\d/.test(key) ||
        municipalityWords.has(key) ||
        NOT_A_SUBJECT.has(key) ||
        asked.has(key)
      )
        continue;
      asked.add(key);
      const having = all.filter((y) => titleWords(y).includes(key));
      const others = all.filter((y) => !having.includes(y)).map(head);
      const q =
        asked.size % 2 === 0
          ? `Vad beslutade nämnden om ${w.toLowerCase()}?`
          : `beslut om ${w.toLowerCase()}`;
      out.push(sv(q, "decisions", having.map(head), others));
    }

  // English subjects, looked for by the minutes' Swedish words.
  for (const [q, swedish] of [
    ["What did the committee decide about the interim report?", "delårsrapport"],
    ["What did the committee decide about the budget?", "budget"],
    ["What was decided about the basic audits?", "granskning"],
    ["What did the committee decide about the final report on e-learning?", "slutrapport"],
  ] as const) {
    const having = all.filter((y) => titleWords(y).some((t) => t.startsWith(foldName(swedish))));
    if (having.length > 0)
      out.push(
        en(
          q,
          "decisions",
          [...having.map(head), "quoted in Swedish as minuted"],
          all.filter((y) => !having.includes(y)).map(head),
        ),
      );
  }

  // Every meeting with minutes, by its day and by its month.
  for (const meetingDate of [...new Set(all.map((x) => x.meetingDate).filter((x): x is string => !!x))]) {
    const at = all.filter((x) => x.meetingDate === meetingDate);
    const [y, m] = meetingDate.split("-").map(Number) as [number, number];
    const heads = at.map(head);
    out.push(
      sv(`Vilka beslut togs ${dayText(meetingDate, "sv")}?`, "decisions", [`${at.length} beslut`, ...heads]),
      en(`What did the committee decide on ${dayText(meetingDate, "en")}?`, "decisions", [
        `${at.length} decisions`,
        ...heads,
      ]),
      sv(`Vilka beslut fattades i ${MONTHS_SV[m - 1]} ${y}?`, "decisions", heads),
      en(`What decisions were made in ${MONTHS_EN[m - 1]} ${y}?`, "decisions", heads),
      sv(`beslut ${meetingDate}`, "decisions", heads),
      sv(`Hur många beslut togs på sammanträdet ${dayText(meetingDate, "sv")}?`, "decisions", [
        `${at.length} beslut`,
      ]),
    );
  }
  // The latest meeting's decisions.
  const latest = [...all.map((x) => x.meetingDate ?? "")].sort().at(-1);
  const last = all.filter((x) => x.meetingDate === latest).map(head);
  out.push(
    sv("senaste besluten", "decisions", last),
    en("What were the latest decisions?", "decisions", last),
  );

  // Every recipient's decisions; a member that received none is told so.
  const recipients = [...new Set(all.flatMap((x) => x.sentTo))];
  for (const r of recipients) {
    const to = all.filter((x) => x.sentTo.includes(r));
    out.push(
      sv(
        `vilka beslut skickades till ${r}?`,
        "decisions",
        to.map(head),
        all.filter((x) => !to.includes(x)).map(head),
      ),
      en(`Which decisions were sent to ${r}?`, "decisions", to.map(head)),
    );
  }
  for (const m of d.municipalities.filter((x) => !recipients.includes(x.name)).slice(0, 2))
    out.push(
      sv(`Vilka beslut skickades till ${m.name}?`, "decisions", [
        `Jag hittade inget beslut som skickades till ${m.name}`,
      ]),
    );

  // What the data has no minutes of: a paragraph, a case number, a meeting.
  const max = Math.max(...all.map((x) => x.paragraph));
  out.push(
    sv(`Vad beslutades i § ${max + 1}?`, "decisions", [`inget beslut med § ${max + 1}`, ...all.map(head)]),
    en(`What was decided in paragraph ${max + 5}?`, "decisions", [`no decision with § ${max + 5}`]),
    sv("ärende 1999/1-1.1", "decisions", ["inget beslut med ärendenr 1999/1-1.1"]),
  );
  const minuted_ = new Set(all.map((x) => x.meetingDate));
  for (const m of d.meetings.filter((x) => x.body === "committee" && x.date < now && !minuted_.has(x.date)))
    out.push(
      sv(`Vilka beslut togs ${dayText(m.date, "sv")}?`, "decisions", [
        `inget beslut från ${dayText(m.date, "sv")}`,
        "finns i sammanträdesplanen, men dess protokoll finns inte i datat",
      ]),
      en(`What was decided on ${dayText(m.date, "en")}?`, "decisions", [
        "is in the meeting plan, but its minutes are not in the data",
      ]),
    );
  out.push(
    sv("Vad beslutade nämnden om skolskjutsar?", "decisions", [
      'inget beslut om "skolskjutsar"',
      ...all.map(head),
    ]),
  );

  // What is to be decided is the årshjul's, not the minutes'.
  out.push(
    sv("Vad ska beslutas i juni?", "annualCycle", []),
    en("What is decided at the next meeting?", "annualCycle", []),
    sv("När beslutas budgeten?", "annualCycle", []),
  );

  // SkånEarkiv has no minutes in the data.
  out.push(
    sv(`Vilka beslut har ${skanearkiv.collaboration.name} fattat?`, "decisions", [
      `${skanearkiv.collaboration.name} har inga protokoll eller beslut i datat`,
      d.collaboration.name,
    ]),
  );

  // A follow-up in a conversation: the next paragraph.
  const [a, b] = all;
  if (a && b)
    out.push({
      ...sv(`och § ${b.paragraph}?`, "decisions", [head(b), minuted(b)]),
      previous: [`Vad beslutades i § ${a.paragraph}?`],
    });
  return out;
}
