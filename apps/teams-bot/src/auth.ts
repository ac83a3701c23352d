/**
 * Which Bot Framework endpoints the bot trusts: whose signing keys an incoming activity's token must be
 * signed with, and where the bot gets its own token for replies. The public Azure cloud by default; the
 * channel's OpenID metadata can be pointed elsewhere (`BOT_OPENID_METADATA_URL`: a mirror or proxy of the
 * keys, the tests' local key server). The issuer stays the public cloud's, so a cloud with an issuer of its
 * own (US Government: https://api.botframework.us) needs more than that setting.
 */
import { CallerIdConstants, type ConfigurationBotFrameworkAuthenticationOptions } from "botbuilder";

export interface BotFrameworkEndpoints {
  /** OpenID metadata of the Bot Framework channel service; its keys sign every activity Teams sends. */
  readonly channelOpenIdMetadataUrl: string;
  /** The `iss` those tokens must carry. */
  readonly channelTokenIssuer: string;
  /** OpenID metadata for tokens of the Bot Framework Emulator and of other bots (skills). */
  readonly emulatorOpenIdMetadataUrl: string;
  /** Where the bot signs in with its app id and password to reply, and the audience of that token. */
  readonly loginUrl: string;
  readonly oauthScope: string;
  /** The Bot Framework token service (user sign-in; the bot does not use it yet). */
  readonly oauthApiUrl: string;
}

/** botframework-connector's `AuthenticationConstants` for the public cloud, written out to be read here. */
export const PUBLIC_CLOUD: BotFrameworkEndpoints = {
  channelOpenIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration",
  channelTokenIssuer: "https://api.botframework.com",
  emulatorOpenIdMetadataUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  loginUrl: "https://login.microsoftonline.com/botframework.com",
  oauthScope: "https://api.botframework.com",
  oauthApiUrl: "https://api.botframework.com",
};

/** The public cloud with the given endpoints replaced; an `undefined` override keeps the default. */
export function botFrameworkEndpoints(overrides: Partial<BotFrameworkEndpoints> = {}): BotFrameworkEndpoints {
  const given = Object.entries(overrides).filter(([, url]) => url !== undefined);
  return { ...PUBLIC_CLOUD, ...Object.fromEntries(given) };
}

/**
 * The adapter's authentication settings. Every endpoint is given, never a subset: as soon as one is set,
 * botbuilder takes all of them as intended and would leave the others (the issuer among them) empty.
 */
export function authenticationOptions(
  endpoints: BotFrameworkEndpoints,
): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ToBotFromChannelOpenIdMetadataUrl: endpoints.channelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: endpoints.channelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: endpoints.emulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: endpoints.loginUrl,
    ToChannelFromBotOAuthScope: endpoints.oauthScope,
    OAuthUrl: endpoints.oauthApiUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}
