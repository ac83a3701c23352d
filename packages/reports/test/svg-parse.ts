/**
 * A small XML reader for the charts' SVG, so the tests look at the drawing as a parser sees it, not
 * at the string: elements, attributes (entities decoded) and text. Throws on a tag that does not
 * close, so a passing test also says the SVG is well-formed.
 */
export interface SvgElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: SvgNode[];
}
export type SvgNode = SvgElement | string;

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    const named = ENTITIES[entity];
    if (named === undefined) throw new Error(`unknown entity ${whole}`);
    return named;
  });
}

export function parseSvg(xml: string): SvgElement {
  const root: SvgElement = { name: "#root", attributes: {}, children: [] };
  const stack: SvgElement[] = [root];
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let index = 0;
  while ((match = token.exec(xml)) !== null) {
    index = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = match;
    const parent = stack.at(-1);
    if (!parent) throw new Error("unbalanced SVG");
    if (text !== undefined) {
      if (text.trim()) parent.children.push(decode(text));
      continue;
    }
    if (closing) {
      if (parent.name !== name) throw new Error(`</${name}> closes <${parent.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? "").matchAll(/([\w:-]+)="([^"]*)"/g))
      attributes[a[1] ?? ""] = decode(a[2] ?? "");
    const element: SvgElement = { name: name ?? "", attributes, children: [] };
    parent.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (index !== xml.length)
    throw new Error(`cannot read the SVG at ${index}: ${xml.slice(index, index + 40)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name}> is not closed`);
  const [svg, ...rest] = root.children.filter((c): c is SvgElement => typeof c !== "string");
  if (!svg || rest.length) throw new Error("expected one root element");
  return svg;
}

/** Every element below `node` (depth first, document order) matching the test. */
export function findAll(node: SvgElement, test: (e: SvgElement) => boolean): SvgElement[] {
  const found: SvgElement[] = [];
  for (const child of node.children) {
    if (typeof child === "string") continue;
    if (test(child)) found.push(child);
    found.push(...findAll(child, test));
  }
  return found;
}

export const byClass = (className: string) => (e: SvgElement) =>
  (e.attributes.class ?? "").split(" ").includes(className);

/** The element's text, its tspans' lines joined by a space. */
export function textOf(node: SvgNode): string {
  if (typeof node === "string") return node;
  return node.children
    .map(textOf)
    .filter(Boolean)
    .join(node.children.some((c) => typeof c !== "string") ? " " : "");
}

export function attr(e: SvgElement, name: string): number {
  const value = e.attributes[name];
  if (value === undefined) throw new Error(`<${e.name}> has no ${name}`);
  return Number(value);
}
