/**
 * The reminder commands a chat can give, in Swedish and English, parsed from the message text.
 * Anything else is a question for the assistant, so the patterns are anchored on command phrasing:
 * "När är nästa sammanträde?" is a question, "påminn oss" is a command.
 */
import { foldName, type ReminderLanguage, type ReminderRole } from "@samverkan/domain";

export type ReminderCommand =
  | { readonly kind: "subscribe"; readonly role?: ReminderRole; readonly language: ReminderLanguage }
  | { readonly kind: "unsubscribe"; readonly role?: ReminderRole; readonly language: ReminderLanguage }
  | { readonly kind: "list"; readonly language: ReminderLanguage }
  | { readonly kind: "preview"; readonly language: ReminderLanguage }
  | { readonly kind: "openItems"; readonly language: ReminderLanguage }
  | { readonly kind: "addOpenItem"; readonly text: string; readonly language: ReminderLanguage }
  | { readonly kind: "closeOpenItem"; readonly id: number; readonly language: ReminderLanguage };

/** Lower case, accents kept (å/ä/ö matter in Swedish), spacing and end punctuation normalised. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[.!?]+$/, "")
    .trim();
}

function roleIn(text: string): ReminderRole | undefined {
  const folded = foldName(text);
  if (/\b(sekreterar\w*|secretar\w*|dagordning\w*|agenda\w*|kallelse\w*)\b/.test(folded)) return "secretary";
  if (/\b(ledamot|ledamoter\w*|members?|medlem\w*|beredningsgrupp\w*|alla|everyone)\b/.test(folded))
    return "member";
  return undefined;
}

const SUBSCRIBE_SV =
  /^(prenumerera (på )?(påminnelser|mötespåminnelser)|påminn (oss|mig)|slå på påminnelser|starta påminnelser)\b/;
const SUBSCRIBE_EN =
  /^(subscribe( (to|for))?( the)? reminders|subscribe\b|remind (us|me)|turn on reminders|start reminders)\b/;
const UNSUBSCRIBE_SV =
  /^(avsluta|stoppa|stäng av|sluta med) (alla )?(påminnelser|prenumeration\w*)|^(sluta påminna|avprenumerera)\b/;
const UNSUBSCRIBE_EN =
  /^(unsubscribe|stop (the )?reminders|stop reminding|turn off reminders|cancel (the )?reminders)\b/;
const LIST_SV = /^(visa|lista|vilka) (våra |mina )?påminnelser\b|^(våra|mina) påminnelser\b|^påminnelser$/;
const LIST_EN = /^((list|show)( (our|my|the))? reminders|which reminders|reminders)$/;
const PREVIEW_SV = /^(visa |förhandsvisa )?(nästa påminnelse|påminnelsen)$|^förhandsvisa påminnelse(n)?$/;
const PREVIEW_EN = /^(show |preview )(the )?next reminder$|^preview (the )?reminder$|^next reminder$/;
const OPEN_ITEMS_SV = /^(visa |lista )?(de )?öppna punkter(na)?$/;
const OPEN_ITEMS_EN = /^(list |show )?(the )?open items$/;
const ADD_SV = /^(ny|lägg till( en)?) (öppen )?punkt\s*:\s*(.+)$/;
const ADD_EN = /^(new|add( an)?) open item\s*:\s*(.+)$/;
const CLOSE_SV = /^(stäng|avsluta|bocka av) (öppen |öppna )?punkt(en)? #?(\d+)$/;
const CLOSE_EN = /^close (open )?item #?(\d+)$/;

/** The command in `text`, or undefined when the text is a question for the assistant. */
export function parseReminderCommand(text: string): ReminderCommand | undefined {
  const raw = text.replace(/\s+/g, " ").trim();
  const t = normalise(raw);
  // The item's own words keep their case: they go on the agenda as written.
  const addSv = ADD_SV.exec(t);
  const addEn = ADD_EN.exec(t);
  if (addSv || addEn) {
    const itemText = raw.slice(raw.indexOf(":") + 1).trim();
    if (itemText !== "") return { kind: "addOpenItem", text: itemText, language: addSv ? "sv" : "en" };
  }
  const closeSv = CLOSE_SV.exec(t);
  if (closeSv) return { kind: "closeOpenItem", id: Number(closeSv[4]), language: "sv" };
  const closeEn = CLOSE_EN.exec(t);
  if (closeEn) return { kind: "closeOpenItem", id: Number(closeEn[2]), language: "en" };
  if (PREVIEW_SV.test(t)) return { kind: "preview", language: "sv" };
  if (PREVIEW_EN.test(t)) return { kind: "preview", language: "en" };
  if (OPEN_ITEMS_SV.test(t)) return { kind: "openItems", language: "sv" };
  if (OPEN_ITEMS_EN.test(t)) return { kind: "openItems", language: "en" };
  if (LIST_SV.test(t)) return { kind: "list", language: "sv" };
  if (LIST_EN.test(t)) return { kind: "list", language: "en" };
  const role = roleIn(t);
  const kind =
    UNSUBSCRIBE_SV.test(t) || UNSUBSCRIBE_EN.test(t)
      ? "unsubscribe"
      : SUBSCRIBE_SV.test(t) || SUBSCRIBE_EN.test(t)
        ? "subscribe"
        : undefined;
  if (!kind) return undefined;
  const language = UNSUBSCRIBE_SV.test(t) || SUBSCRIBE_SV.test(t) ? "sv" : "en";
  return role ? { kind, role, language } : { kind, language };
  return undefined;
}

/** The commands as the help card and the subscribe card offer them (buttons send these texts). */
export const SUBSCRIBE_AS = {
  sv: { secretary: "påminn oss som sekreterare", member: "påminn oss som ledamöter" },
  en: { secretary: "remind us as the secretary", member: "remind us as members" },
} as const;
