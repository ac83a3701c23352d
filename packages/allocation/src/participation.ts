import type { Collaboration } from "@samverkan/domain";

/**
 * Months of `year` a member takes part: a month counts when the member is a member on its first
 * day, so joining on 1 July gives 6 months and joining on 15 July gives 5. This is the pro-rata
 * basis for members who join or leave mid-year.
 */
export function monthsOfMembership(
  member: Pick<Collaboration["members"][number], "from" | "to">,
  year: number,
): number {
  let months = 0;
  for (let m = 1; m <= 12; m++) {
    const first = `${year}-${String(m).padStart(2, "0")}-01`;
    if (member.from <= first && (member.to === undefined || first <= member.to)) months++;
  }
  return months;
}

/** Every municipality that is a member at some time in `year`, with its months. */
export function membersDuring(
  collaboration: Pick<Collaboration, "members">,
  year: number,
): { municipality: string; months: number }[] {
  return collaboration.members
    .map((m) => ({ municipality: m.municipality, months: monthsOfMembership(m, year) }))
    .filter((m) => m.months > 0);
}
