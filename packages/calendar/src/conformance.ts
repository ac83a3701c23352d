/**
 * Conformance of an iCalendar document to RFC 5545, for tests and for anyone publishing a feed: the
 * rules a subscribing client trips over, checked on the raw bytes (ical.js and node-ical
 * are tolerant parsers and accept much of what Outlook rejects): CRLF line ends, lines of at most 75
 * octets, the required properties of the calendar and of every VEVENT, DTSTAMP and LAST-MODIFIED in UTC,
 * every TZID defined by a VTIMEZONE, balanced BEGIN/END, and DTEND after DTSTART.
 * Returns the problems found, each naming the line or the event's UID; none for a conforming document.
 */
export function rfc5545Problems(ics: string): string[] {
  const problems: string[] = [];
  if (!ics.endsWith("\r\n")) problems.push("the last line does not end in CRLF");
  const physical = ics.split("\r\n").slice(0, -1);
  physical.forEach((line, i) => {
    if (line.includes("\n") || line.includes("\r")) problems.push(`line ${i + 1}: a bare LF or CR`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${i + 1}: longer than 75 octets`);
  });
  // Unfold (3.1): a CRLF followed by one space or tab continues the line.
  const lines = ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((l) => l !== "");
  const stack: string[] = [];
  const tzids = new Set<string>();
  const usedTzids = new Set<string>();
  let event: Map<string, string[]> | undefined;
  let calendarProps = new Map<string, string[]>();
  const name = (line: string) => (line.split(/[;:]/, 1)[0] ?? "").toUpperCase();
  for (const line of lines) {
    if (!/^[A-Za-z0-9-]+[;:]/.test(line)) problems.push(`not a content line: ${line.slice(0, 40)}`);
    const prop = name(line);
    const value = line.slice(line.indexOf(":") + 1);
    if (prop === "BEGIN") {
      stack.push(value);
      if (value === "VEVENT") event = new Map();
      continue;
    }
    if (prop === "END") {
      if (stack.pop() !== value) problems.push(`END:${value} does not close the open component`);
      if (value === "VEVENT" && event) {
        problems.push(...eventProblems(event));
        event = undefined;
      }
      continue;
    }
    const tzid = /;TZID=([^;:]+)/.exec(line)?.[1];
    if (tzid) usedTzids.add(tzid);
    if (stack.at(-1) === "VTIMEZONE" && prop === "TZID") tzids.add(value);
    if (stack.at(-1) === "VEVENT" && event) event.set(prop, [...(event.get(prop) ?? []), line]);
    if (stack.length === 1 && stack[0] === "VCALENDAR")
      calendarProps = calendarProps.set(prop, [...(calendarProps.get(prop) ?? []), line]);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(", ")}`);
  for (const required of ["VERSION", "PRODID"])
    if (calendarProps.get(required)?.length !== 1) problems.push(`VCALENDAR needs exactly one ${required}`);
  if (calendarProps.get("VERSION")?.[0] !== "VERSION:2.0") problems.push("VERSION is not 2.0");
  for (const tz of usedTzids) if (!tzids.has(tz)) problems.push(`TZID=${tz} has no VTIMEZONE`);
  return problems;
}

function eventProblems(e: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const uid = e.get("UID")?.[0] ?? "(no UID)";
  for (const once of ["UID", "DTSTAMP", "DTSTART"])
    if (e.get(once)?.length !== 1) problems.push(`${uid}: needs exactly one ${once}`);
  for (const atMostOnce of [
    "DTEND",
    "SEQUENCE",
    "LAST-MODIFIED",
    "STATUS",
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
  ])
    if ((e.get(atMostOnce)?.length ?? 0) > 1) problems.push(`${uid}: more than one ${atMostOnce}`);
  for (const utc of ["DTSTAMP", "LAST-MODIFIED"]) {
    const line = e.get(utc)?.[0];
    if (line && !/:\d{8}T\d{6}Z$/.test(line))
      problems.push(`${uid}: ${utc} is not a UTC date-time (${line})`);
  }
  const status = e.get("STATUS")?.[0]?.split(":")[1];
  if (status && !["TENTATIVE", "CONFIRMED", "CANCELLED"].includes(status))
    problems.push(`${uid}: STATUS ${status} is not one of a VEVENT's`);
  const start = e.get("DTSTART")?.[0];
  const end = e.get("DTEND")?.[0];
  if (start && end) {
    const dateOnly = (l: string) => l.includes("VALUE=DATE:");
    if (dateOnly(start) !== dateOnly(end)) problems.push(`${uid}: DTSTART and DTEND are of different types`);
    const value = (l: string) => l.slice(l.indexOf(":") + 1);
    if (value(end) <= value(start)) problems.push(`${uid}: DTEND is not after DTSTART`);
  }
  return problems;
}
