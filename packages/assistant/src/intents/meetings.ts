import { annualCycleFor, type Meeting } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import type { Body } from "../parse.js";
import { BODY_NAMES, capitalise, dateText, listing, monthName } from "../phrases.js";
import { addMonths, isoLocal, minutesOf } from "../time.js";
import type { AnswerMeeting, Lang } from "../types.js";

const WEEKDAYS: Record<Lang, readonly string[]> = {
  sv: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

function weekday(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return WEEKDAYS[lang][new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? "";
}

export function answerMeeting(turn: Turn, m: Meeting): AnswerMeeting {
  const zone = turn.dataset.collaboration.timeZone;
  const end = m.endTime ? isoLocal(m.endDate ?? m.date, m.endTime, zone) : m.endDate;
  return {
    id: m.id,
    collaboration: turn.dataset.collaboration.id,
    body: m.body,
    ...(m.title ? { title: m.title } : {}),
    start: isoLocal(m.date, m.startTime, zone),
    ...(end ? { end } : {}),
    ...(m.place ? { place: m.place } : {}),
    status: m.status,
    ...(m.attendance
      ? { attendance: { present: m.attendance.present, of: m.attendance.of, counts: m.attendance.counts } }
      : {}),
  };
}

/** "beredningsgruppens möte onsdag 24 augusti 2022 kl. 14:00–16:00". */
export function meetingText(turn: Turn, m: Meeting): string {
  const lang = turn.lang;
  const what = BODY_NAMES[m.body]?.[lang].meeting ?? m.body;
  const day = `${weekday(m.date, lang)} ${dateText(m.date, lang)}`;
  const until = m.endDate && m.endDate !== m.date ? `–${dateText(m.endDate, lang)}` : "";
  const time = m.startTime
    ? say(
        turn,
        ` kl. ${m.startTime}${m.endTime ? `–${m.endTime}` : ""}`,
        ` at ${m.startTime}${m.endTime ? `–${m.endTime}` : ""}`,
      )
    : "";
  const place = m.place ? say(turn, `, ${m.place}`, `, ${m.place}`) : "";
  return `${what} ${day}${until}${time}${place}`;
}

/** "onsdag 12 oktober 2022 kl. 10:00–16:00": when, without saying which body. */
function meetingWhen(turn: Turn, m: Meeting): string {
  return meetingText(turn, m).slice((BODY_NAMES[m.body]?.[turn.lang].meeting ?? m.body).length + 1);
}

/** Whether the meeting is still to come (or under way) at "now". */
export function upcoming(turn: Turn, m: Meeting): boolean {
  if (m.status === "cancelled") return false;
  const last = m.endDate ?? m.date;
  if (last !== turn.now.date) return last > turn.now.date;
  return m.endTime ? minutesOf(m.endTime) > turn.now.minutes : true;
}

export function ofBodies(meetings: readonly Meeting[], bodies: ReadonlySet<Body>): Meeting[] {
  return bodies.size === 0 ? [...meetings] : meetings.filter((m) => bodies.has(m.body));
}

export function sorted(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) =>
    (a.date + (a.startTime ?? "")).localeCompare(b.date + (b.startTime ?? "")),
  );
}

function noMeetings(turn: Turn, intent: Draft["intent"]): Draft {
  return {
    intent,
    collaboration: turn.dataset.collaboration.id,
    text: say(
      turn,
      `Det finns ingen mötesplan för ${turn.dataset.collaboration.name} i datat.`,
      `There is no meeting plan for ${turn.dataset.collaboration.nameEn} in the data.`,
    ),
  };
}

function bodyPhrase(turn: Turn, bodies: ReadonlySet<Body>): string {
  if (bodies.size === 0) return say(turn, "möte", "meeting");
  return listing(
    [...bodies].map((b) => BODY_NAMES[b]?.[turn.lang].next ?? b),
    turn.lang,
  );
}

/** The next meeting after "now" (of the bodies asked about, or of any), and the next committee meeting. */
export function nextMeeting(turn: Turn): Draft {
  const d = turn.dataset;
  if (d.meetings.length === 0) return noMeetings(turn, "nextMeeting");
  const bodies = turn.parsed.bodies;
  const candidates = sorted(ofBodies(d.meetings, bodies)).filter((m) => upcoming(turn, m));
  const nowText = dateText(turn.now.date, turn.lang);
  if (candidates.length === 0) {
    const last = sorted(ofBodies(d.meetings, bodies)).at(-1);
    return {
      intent: "nextMeeting",
      collaboration: d.collaboration.id,
      text: say(
        turn,
        `Det finns inget planerat ${bodyPhrase(turn, bodies)} efter ${nowText} i datat.${last ? ` Det senaste är ${meetingText(turn, last)}.` : ""}`,
        `There is no planned ${bodyPhrase(turn, bodies)} after ${nowText} in the data.${last ? ` The latest is the ${meetingText(turn, last)}.` : ""}`,
      ),
      meetings: last ? [answerMeeting(turn, last)] : [],
    };
  }
  const next = candidates[0] as Meeting;
  const picked = [next];
  let text =
    bodies.size === 1
      ? say(
          turn,
          `Nästa ${bodyPhrase(turn, bodies)} (räknat från ${nowText}) är ${meetingWhen(turn, next)}.`,
          `The next ${bodyPhrase(turn, bodies)} (from ${nowText}) is on ${meetingWhen(turn, next)}.`,
        )
      : say(
          turn,
          `Nästa möte (räknat från ${nowText}) är ${meetingText(turn, next)}.`,
          `The next meeting (from ${nowText}) is the ${meetingText(turn, next)}.`,
        );
  if (bodies.size === 0 && next.body !== "committee") {
    const committee = sorted(d.meetings).find((m) => m.body === "committee" && upcoming(turn, m));
    if (committee) {
      picked.push(committee);
      text += say(
        turn,
        ` Nästa sammanträde i nämnden är ${meetingWhen(turn, committee)}.`,
        ` The next committee meeting is on ${meetingWhen(turn, committee)}.`,
      );
    }
  }
  if (next.status !== "planned" && next.status !== "held")
    text += say(turn, ` Status: ${next.status}.`, ` Status: ${next.status}.`);
  return {
    intent: "nextMeeting",
    collaboration: d.collaboration.id,
    text,
    meetings: picked.map((m) => answerMeeting(turn, m)),
    followUps: [
      say(
        turn,
        `Vad ska beslutas i ${monthName(Number(next.date.slice(5, 7)), "sv")}?`,
        `What is decided in ${monthName(Number(next.date.slice(5, 7)), "en")}?`,
      ),
      say(
        turn,
        `Vilka möten är det i ${monthName(Number(next.date.slice(5, 7)), "sv")}?`,
        `Which meetings are there in ${monthName(Number(next.date.slice(5, 7)), "en")}?`,
      ),
    ],
    table: meetingsTable(turn, picked),
  };
}

function meetingsTable(turn: Turn, meetings: readonly Meeting[]): Draft["table"] {
  return {
    columns: [
      { key: "date", label: say(turn, "Datum", "Date"), kind: "date" },
      { key: "what", label: say(turn, "Möte", "Meeting"), kind: "text" },
      { key: "time", label: say(turn, "Tid", "Time"), kind: "text" },
    ],
    rows: meetings.map((m) => ({
      cells: {
        date: { kind: "date", value: m.date },
        what: { kind: "text", text: capitalise(BODY_NAMES[m.body]?.[turn.lang].meeting ?? m.body) },
        time: { kind: "text", text: m.startTime ? `${m.startTime}${m.endTime ? `–${m.endTime}` : ""}` : "" },
      },
    })),
  };
}

/** The period a question names: a month (of a year) or a year; none means the year of now. */
function period(turn: Turn): { year: number; month?: number; yearSource: "question" | "now" | "relative" } {
  const p = turn.parsed;
  const explicit = p.years[0];
  const year = explicit ? (explicit.year ?? turn.now.year + (explicit.offset ?? 0)) : turn.now.year;
  const yearSource = explicit ? (explicit.year !== undefined ? "question" : "relative") : "now";
  if (p.monthOffset !== undefined) {
    const m = addMonths(turn.now.year, turn.now.month, p.monthOffset);
    return { year: m.year, month: m.month, yearSource: "relative" };
  }
  const month = p.months[0] ?? p.dates[0]?.month;
  if (month !== undefined) return { year, month, yearSource };
  return { year, yearSource };
}

/** The meetings of a month or a year (with no period named, the year of now). */
export function meetingsInPeriod(turn: Turn): Draft {
  const d = turn.dataset;
  if (d.meetings.length === 0) return noMeetings(turn, "meetingsInPeriod");
  const bodies = turn.parsed.bodies;
  const when = period(turn);
  const all = sorted(ofBodies(d.meetings, bodies));
  let picked: Meeting[];
  let label: string;
  if (when.month !== undefined) {
    const prefix = `${when.year}-${String(when.month).padStart(2, "0")}`;
    picked = all.filter((m) => m.date.startsWith(prefix) || (m.endDate ?? "").startsWith(prefix));
    label = say(
      turn,
      `i ${monthName(when.month, "sv")} ${when.year}`,
      `in ${monthName(when.month, "en")} ${when.year}`,
    );
  } else {
    picked = all.filter((m) => m.date.startsWith(String(when.year)));
    label = say(turn, `under ${when.year}`, `in ${when.year}`);
  }
  const what =
    bodies.size === 0
      ? say(turn, "möten", "meetings")
      : listing(
          [...bodies].map((b) => BODY_NAMES[b]?.[turn.lang].plural ?? b),
          turn.lang,
        );
  const yearNote =
    when.yearSource === "now"
      ? say(
          turn,
          ` Inget år angavs, så jag visar ${when.year}.`,
          ` No year was given, so this is ${when.year}.`,
        )
      : "";
  const text =
    picked.length === 0
      ? say(turn, `Det finns inga ${what} ${label} i datat.`, `There are no ${what} ${label} in the data.`) +
        yearNote
      : say(
          turn,
          `${capitalise(what)} ${label} (${picked.length}): ${picked.map((m) => meetingText(turn, m)).join("; ")}.`,
          `${capitalise(what)} ${label} (${picked.length}): ${picked.map((m) => `the ${meetingText(turn, m)}`).join("; ")}.`,
        ) + yearNote;
  return {
    intent: "meetingsInPeriod",
    collaboration: d.collaboration.id,
    year: { value: when.year, source: when.yearSource },
    text,
    meetings: picked.map((m) => answerMeeting(turn, m)),
    followUps: [say(turn, "När är nästa sammanträde?", "When is the next committee meeting?")],
    table: meetingsTable(turn, picked),
  };
}

/** What the årshjul says must be decided in a month, at the next meeting, or on a topic. */
export function annualCycle(turn: Turn): Draft {
  const d = turn.dataset;
  const cycle = d.annualCycle;
  if (!cycle)
    return {
      intent: "annualCycle",
      collaboration: d.collaboration.id,
      text: say(
        turn,
        `Det finns inget årshjul för ${d.collaboration.name} i datat.`,
        `There is no annual cycle for ${d.collaboration.nameEn} in the data.`,
      ),
    };
  const p = turn.parsed;
  const lang = turn.lang;
  const standing = cycle.standingItems.map((s) => (lang === "sv" ? s.text : s.textEn));
  const itemText = (t: { text: string; textEn: string }) =>
    lang === "sv" ? t.text.replace(/,$/, "") : t.textEn;
  let month: number | undefined =
    p.monthOffset !== undefined
      ? addMonths(turn.now.year, turn.now.month, p.monthOffset).month
      : (p.months[0] ?? p.dates[0]?.month);
  let meeting: Meeting | undefined;
  if (
    month === undefined &&
    (p.signals.has("next") || p.meetingWord || p.bodies.size > 0) &&
    p.topics.length === 0
  ) {
    meeting = sorted(d.meetings).find((m) => m.body === "committee" && upcoming(turn, m));
    if (meeting) month = Number(meeting.date.slice(5, 7));
  }
  const standingText = standing.length
    ? say(
        turn,
        ` Vid varje sammanträde: ${standing.join("; ")}.`,
        ` At every meeting: ${standing.join("; ")}.`,
      )
    : "";
  const source = say(turn, ` Källa: ${cycle.source}.`, ` Source: ${cycle.source}.`);
  if (month !== undefined) {
    const entries = annualCycleFor(cycle, month);
    const year = meeting ? Number(meeting.date.slice(0, 4)) : turn.now.year;
    const meetings =
      meeting !== undefined
        ? [meeting]
        : sorted(d.meetings).filter(
            (m) => m.body === "committee" && m.date.startsWith(`${year}-${String(month).padStart(2, "0")}`),
          );
    const items = entries.flatMap((e) => e.items.map(itemText));
    const head = meeting
      ? say(
          turn,
          `Nästa sammanträde i nämnden är ${meetingWhen(turn, meeting)}.`,
          `The next committee meeting is on ${meetingWhen(turn, meeting)}.`,
        )
      : meetings.length
        ? say(
            turn,
            `I ${monthName(month, "sv")} ${year}: ${meetings.map((m) => meetingText(turn, m)).join("; ")}.`,
            `In ${monthName(month, "en")} ${year}: the ${meetings.map((m) => meetingText(turn, m)).join("; ")}.`,
          )
        : "";
    const body =
      items.length > 0
        ? say(
            turn,
            `Enligt årshjulet ska i ${entries.map((e) => e.label.toLowerCase()).join(", ")} beslutas/behandlas: ${items.join("; ")}.`,
            `According to the annual cycle, in ${entries.map((e) => e.months.map((x) => monthName(x, "en")).join("/")).join(", ")}: ${items.join("; ")}.`,
          )
        : say(
            turn,
            `Årshjulet har inget särskilt beslut i ${monthName(month, "sv")}; månader med beslut: ${cycle.entries.map((e) => e.label.toLowerCase()).join(", ")}.`,
            `The annual cycle has no particular decision in ${monthName(month, "en")}; months with decisions: ${cycle.entries.map((e) => e.months.map((x) => monthName(x, "en")).join("/")).join(", ")}.`,
          );
    return {
      intent: "annualCycle",
      collaboration: d.collaboration.id,
      text: `${head ? `${head} ` : ""}${body}${standingText}${source}`,
      meetings: meetings.map((m) => answerMeeting(turn, m)),
      followUps: [
        say(turn, "När är nästa sammanträde?", "When is the next committee meeting?"),
        say(turn, "Vad står i årshjulet?", "What is in the annual cycle?"),
      ],
    };
  }
  const entries =
    p.topics.length > 0
      ? cycle.entries.filter((e) => e.items.some((i) => i.topic && p.topics.includes(i.topic)))
      : cycle.entries;
  const lines = entries.map(
    (e) =>
      `${lang === "sv" ? e.label : e.months.map((m) => monthName(m, "en")).join("/")}: ${e.items
        .filter((i) => p.topics.length === 0 || (i.topic && p.topics.includes(i.topic)))
        .map(itemText)
        .join("; ")}`,
  );
  const text =
    p.topics.length > 0
      ? say(
          turn,
          `Enligt årshjulet: ${lines.join(". ")}.`,
          `According to the annual cycle: ${lines.join(". ")}.`,
        )
      : say(turn, `Årshjulet: ${lines.join(". ")}.`, `The annual cycle: ${lines.join(". ")}.`);
  return {
    intent: "annualCycle",
    collaboration: d.collaboration.id,
    text: text + standingText + source,
    followUps: [
      say(turn, "Vad ska beslutas på nästa sammanträde?", "What is decided at the next committee meeting?"),
    ],
  };
}
