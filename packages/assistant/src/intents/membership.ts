import { membersOn, type Dataset, type Project } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { allocation } from "../engine.js";
import { listing } from "../phrases.js";
import { interpretationNote, type ResolvedYear } from "../resolve.js";
import { itemName } from "./cost.js";

function collaborationName(turn: Turn, d: Dataset): string {
  return turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn;
}

/** The members on the date of "now", or whether the named municipalities are among them. */
export function members(turn: Turn, named: readonly string[], unknown: readonly string[]): Draft {
  const d = turn.dataset;
  const list = membersOn(d.collaboration, turn.now.date);
  const name = collaborationName(turn, d);
  const sentences: string[] = [];
  for (const m of named) {
    const membership = d.collaboration.members.find((x) => x.municipality === m);
    if (list.includes(m))
      sentences.push(
        say(
          turn,
          `Ja, ${m} är medlem i ${name} (sedan ${membership?.from}).`,
          `Yes, ${m} is a member of ${name} (since ${membership?.from}).`,
        ),
      );
    else {
      const other = turn.datasets.find(
        (o) => o !== d && membersOn(o.collaboration, turn.now.date).includes(m),
      );
      sentences.push(
        say(
          turn,
          `Nej, ${m} är inte medlem i ${name}${other ? `; ${m} är medlem i ${other.collaboration.name}` : ""}.`,
          `No, ${m} is not a member of ${name}${other ? `; ${m} is a member of ${other.collaboration.nameEn}` : ""}.`,
        ),
      );
    }
  }
  for (const u of unknown)
    sentences.push(say(turn, `${u} är inte medlem i ${name}.`, `${u} is not a member of ${name}.`));
  sentences.push(
    say(
      turn,
      `${name} har ${list.length} medlemmar: ${listing(list, "sv")}. Värdkommun är ${d.collaboration.host}.`,
      `${name} has ${list.length} members: ${listing(list, "en")}. The host municipality is ${d.collaboration.host}.`,
    ),
  );
  return {
    intent: "members",
    collaboration: d.collaboration.id,
    text: sentences.join(" ") + interpretationNote(turn),
    followUps: [
      say(turn, `Vad betalar ${list[0]} i år?`, `What does ${list[0]} pay this year?`),
      ...turn.datasets
        .filter((o) => o !== d)
        .map((o) =>
          say(
            turn,
            `Vilka kommuner är med i ${o.collaboration.name}?`,
            `Which municipalities are members of ${o.collaboration.name}?`,
          ),
        ),
    ],
    table: {
      columns: [{ key: "m", label: say(turn, "Medlem", "Member"), kind: "text" }],
      rows: list.map((m) => ({ cells: { m: { kind: "text", text: m } } })),
    },
  };
}

const PHASES: Record<Project["phase"], { sv: string; en: string }> = {
  idea: { sv: "idé", en: "idea" },
  preStudy: { sv: "förstudie", en: "pre-study" },
  requirements: { sv: "krav och design", en: "requirements and design" },
  procurement: { sv: "upphandling", en: "procurement" },
  implementation: { sv: "införande", en: "implementation" },
  development: { sv: "utveckling", en: "development" },
  operations: { sv: "förvaltning (i drift)", en: "operations" },
  ongoing: { sv: "pågående", en: "ongoing" },
  closed: { sv: "avslutat", en: "closed" },
};

/** Who takes part in a project, pre-study or service, with its phase and status. */
export function projectParticipants(turn: Turn, projectId: string): Draft {
  const d = turn.dataset;
  const p = d.projects.find((x) => x.id === projectId) as Project;
  const who =
    p.participants === "allMembers" ? membersOn(d.collaboration, turn.now.date) : [...p.participants];
  const all = p.participants === "allMembers";
  const name = turn.lang === "sv" ? p.name : p.nameEn;
  let text = say(
    turn,
    `I ${name} deltar ${all ? `alla ${who.length} medlemmar` : `${who.length} kommuner`}: ${listing(who, "sv")}. Fas: ${PHASES[p.phase].sv}.`,
    `${all ? `All ${who.length} members take` : `${who.length} municipalities take`} part in ${name}: ${listing(who, "en")}. Phase: ${PHASES[p.phase].en}.`,
  );
  if (p.status)
    text += say(
      turn,
      ` Status (${p.statusAsOf ?? "senast kända"}): ${p.status.split("\n").join("; ")}.`,
      ` Status (${p.statusAsOf ?? "latest known"}): ${p.status.split("\n").join("; ")}.`,
    );
  text += interpretationNote(turn);
  return {
    intent: "participants",
    collaboration: d.collaboration.id,
    text,
    followUps: [
      ...(p.costItem
        ? [
            say(
              turn,
              `Hur fördelas ${d.costItems.find((x) => x.id === p.costItem)?.name ?? p.costItem}?`,
              `How is ${d.costItems.find((x) => x.id === p.costItem)?.nameEn ?? p.costItem} split?`,
            ),
          ]
        : []),
      say(turn, "Vilka kommuner är medlemmar?", "Which municipalities are members?"),
    ],
    table: {
      columns: [{ key: "m", label: say(turn, "Deltagare", "Participant"), kind: "text" }],
      rows: who.map((m) => ({ cells: { m: { kind: "text", text: m } } })),
    },
  };
}

/** Who pays for (takes part in) a cost item in a year: the rule's participants. */
export function itemParticipants(turn: Turn, itemId: string, year: ResolvedYear): Draft {
  const d = turn.dataset;
  const item = d.costItems.find((x) => x.id === itemId);
  const outcome = allocation(d, itemId, year.value);
  const name = item ? itemName(turn, item) : itemId;
  if (!outcome.ok)
    return {
      intent: "participants",
      collaboration: d.collaboration.id,
      text: say(
        turn,
        `${name} har ingen fördelning för ${year.value} i datat.`,
        `${name} has no allocation for ${year.value} in the data.`,
      ),
    };
  const who = outcome.value.participants;
  return {
    intent: "participants",
    collaboration: d.collaboration.id,
    year: { value: year.value, source: year.source },
    text:
      say(
        turn,
        `I ${name} ${year.value} deltar ${who.length} kommuner: ${listing(who, "sv")}.`,
        `${who.length} municipalities take part in ${name} in ${year.value}: ${listing(who, "en")}.`,
      ) + interpretationNote(turn),
    followUps: [
      say(
        turn,
        `Hur fördelas ${item?.name} ${year.value}?`,
        `How is ${item?.nameEn} split in ${year.value}?`,
      ),
    ],
  };
}
