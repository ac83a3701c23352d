/**
 * The bot's Bot Framework adapter. With an app id it checks every incoming activity's token against the
 * trusted endpoints (`./auth.ts`) and signs its replies with the app's own token; without one (local
 * development) it checks nothing, which is why the server then listens on loopback only.
 */
import { TeamsAdapter } from "@microsoft/teams-ai";
import { ConfigurationServiceClientCredentialFactory } from "botbuilder";
import type { BotCredentials } from "./app.js";
import { authenticationOptions, botFrameworkEndpoints, type BotFrameworkEndpoints } from "./auth.js";

/**
 * botframework-connector's `ServiceClientCredentialsFactory`, named through teams-ai so the bot needs no
 * direct dependency on it.
 */
export type CredentialsFactory = NonNullable<ConstructorParameters<typeof TeamsAdapter>[1]>;

export interface AdapterOptions {
  /** Endpoints unlike the public cloud: `{ channelOpenIdMetadataUrl }` from `BOT_OPENID_METADATA_URL`. */
  readonly endpoints?: Partial<BotFrameworkEndpoints>;
  /** Who the bot is when it replies; by default its app id and password. Tests give a fixed token instead. */
  readonly credentialsFactory?: CredentialsFactory;
}

export function createAdapter(credentials: BotCredentials, options: AdapterOptions = {}): TeamsAdapter {
  const credentialsFactory =
    options.credentialsFactory ??
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: credentials.appId,
      MicrosoftAppPassword: credentials.appPassword,
      MicrosoftAppTenantId: credentials.tenantId,
      MicrosoftAppType: credentials.tenantId ? "SingleTenant" : "MultiTenant",
    });
  return new TeamsAdapter(
    authenticationOptions(botFrameworkEndpoints(options.endpoints)),
    credentialsFactory,
  );
}
