/**
 * The bot's own identity when it replies, without Entra ID: instead of fetching a token from
 * login.microsoftonline.com with its password, the bot signs every reply with a fixed token the test
 * recognises at the connector.
 */
import type { CredentialsFactory } from "../src/adapter.js";

export interface FixedCredentials {
  readonly factory: CredentialsFactory;
  /** The app ids the bot asked credentials for. */
  readonly issuedFor: string[];
}

export function fixedCredentials(appId: string, token: string): FixedCredentials {
  const issuedFor: string[] = [];
  const factory: CredentialsFactory = {
    // The adapter asks this to check a token's audience: only the bot's own app id passes.
    isValidAppId: async (candidate) => candidate === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async (forAppId) => {
      issuedFor.push(forAppId);
      return {
        signRequest: async (request) => {
          request.headers.set("authorization", `Bearer ${token}`);
          return request;
        },
      };
    },
  };
  return { factory, issuedFor };
}
