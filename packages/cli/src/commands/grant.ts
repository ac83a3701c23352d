import { parseArgs } from "node:util";
import { aadObjectIdSchema, memberRoleSchema, type MemberRole, type RoleGrant } from "@samverkan/store";
import { parseOptions, required, UsageError, type CliIo, type Command } from "../options.js";
import { needsAsync, storeFailure, withStore } from "./import.js";

const ROLES: readonly MemberRole[] = memberRoleSchema.options;

const USAGE = `samverkan grant ROLL --collaboration ID --aad-object-id GUID [--actor NAMN]
samverkan grant ROLL --collaboration ID --aad-object-id GUID --revoke
samverkan grant --list [--collaboration ID]
  Ger en Teams-användare en roll i ett samverkanskollektiv, tar bort den (--revoke) eller listar vilka
  som har roller (--list). Varje ändring skrivs i ändringsloggen (role.grant, role.revoke) med vem som
  gjorde den (--actor, standard: cli). Att ge samma roll igen ändrar ingenting.

  Roller:
    secretary   Nämndsekreteraren. Får i Teams registrera närvaro, beslut (§) och flytta eller ställa in
                sammanträden från botens kort. Alla andra kan fråga boten och läsa, men den som saknar
                rollen får ett vänligt nej och ingenting skrivs.

  Teams-användaren anges med sitt Azure AD-objekt-id (Entra ID, "Object ID" i Azure-portalen under
  Användare; i Teams: from.aadObjectId). Samma id med stora eller små bokstäver är samma användare.

  --collaboration ID    samverkanskollektivet, t.ex. norrbotten
  --aad-object-id GUID  användarens objekt-id, t.ex. 9f3c2a4e-1b7d-4c55-8e0a-2f6b1d9c7e31
  --revoke              ta bort rollen i stället för att ge den
  --list                lista rollerna (för ett samverkanskollektiv med --collaboration)
  --actor NAMN          vem som gör ändringen i ändringsloggen (standard: cli)

  Databas: PostgreSQL om DATABASE_URL är satt, annars den inbyggda i SAMVERKAN_DATA_DIR (standard ./.data).

  Exempel:
    samverkan grant secretary --collaboration norrbotten --aad-object-id 9f3c2a4e-1b7d-4c55-8e0a-2f6b1d9c7e31
    samverkan grant --list --collaboration norrbotten
    samverkan grant secretary --collaboration norrbotten --aad-object-id 9f3c2a4e-1b7d-4c55-8e0a-2f6b1d9c7e31 --revoke`;

const grantLine = (g: RoleGrant) =>
  `${g.collaborationId}  ${g.role}  ${g.aadObjectId}  sedan ${g.grantedAt.slice(0, 10)} (${g.grantedBy})`;

export const grantCommand: Command & { runAsync: (args: readonly string[], io: CliIo) => Promise<number> } = {
  name: "grant",
  synopsis: "samverkan grant secretary --collaboration ID --aad-object-id GUID",
  summary: "Ge (eller ta bort) en Teams-användares roll, t.ex. sekreterare som registrerar från Teams",
  usage: USAGE,
  run(args, io) {
    if (args.includes("--help") || args.includes("-h")) {
      io.out(USAGE);
      return 0;
    }
    return needsAsync("grant", io);
  },
  async runAsync(args, io) {
    const { positionals, values } = parseOptions(() =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: {
          collaboration: { type: "string" },
          "aad-object-id": { type: "string" },
          revoke: { type: "boolean" },
          list: { type: "boolean" },
          actor: { type: "string" },
          help: { type: "boolean", short: "h" },
        },
      }),
    );
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (values.list) {
      if (positionals.length > 0 || values.revoke || values["aad-object-id"] !== undefined)
        throw new UsageError("--list listar bara; ange ingen roll, --revoke eller --aad-object-id.");
      const grants = await withStore((store) => store.roles(values.collaboration));
      io.out(grants.length ? grants.map(grantLine).join("\n") : "Ingen har fått någon roll.");
      return 0;
    }
    const [role, ...more] = positionals;
    if (role === undefined || more.length > 0) throw new UsageError(`Ange en roll: ${ROLES.join(", ")}.`);
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(`Okänd roll "${role}". Rollerna är: ${ROLES.join(", ")}.`);
    const collaboration = required(values.collaboration, "collaboration");
    const id = aadObjectIdSchema.safeParse(required(values["aad-object-id"], "aad-object-id"));
    if (!id.success)
      throw new UsageError(
        `--aad-object-id ska vara ett Azure AD-objekt-id (GUID), t.ex. 9f3c2a4e-1b7d-4c55-8e0a-2f6b1d9c7e31 ` +
          `(fick "${values["aad-object-id"]}").`,
      );
    const aadObjectId = id.data;
    const options = { actor: values.actor ?? "cli" };
    try {
      const input = { aadObjectId, role: role as MemberRole };
      if (values.revoke) {
        const g = await withStore((store) => store.revokeRole(collaboration, input, options));
        io.out(`${g.collaborationId}: ${g.aadObjectId} är inte längre ${g.role}.`);
      } else {
        const g = await withStore((store) => store.grantRole(collaboration, input, options));
        io.out(
          `${g.collaborationId}: ${g.aadObjectId} är ${g.role} sedan ${g.grantedAt.slice(0, 10)} ` +
            `(gav: ${g.grantedBy}). Användaren kan nu registrera från Teams.`,
        );
      }
      return 0;
    } catch (error) {
      return storeFailure(error, io);
    }
  },
};
