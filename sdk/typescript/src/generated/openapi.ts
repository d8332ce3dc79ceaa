/**
 * Types of the Tollgate API, generated from its OpenAPI document (/docs/openapi.json) by
 * openapi-typescript. Do not edit: run `npm run generate -w @tollgate-sdk/client` against a running
 * API. A test of the repository's suite fails when this file and the live document disagree.
 */

export interface paths {
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Authorization server metadata
         * @description RFC 8414, built from PUBLIC_URL (never from the Host header).
         */
        get: operations["OAuthController_metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling account's alerts
         * @description Throttle and quota warnings, lockouts and used-up quotas, newest first.
         */
        get: operations["AlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling token's rate limit
         * @description Limit, remaining, reset time and lockout state, as this request was admitted.
         */
        get: operations["LimitsController_limits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling account's live tokens
         * @description Token ids, scopes, issue and expiry times and the endpoint that issued each; never a token value.
         */
        get: operations["AdminTokensController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of the calling account's tokens
         * @description Effective on every instance before it returns; the token you call with may be revoked too. Another account's token id is 404, as an unknown one is.
         */
        delete: operations["AdminTokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling account's usage
         * @description Transactions and credits (sum of the requests' costs) per API per hour, day, month or year (inclusive; at most 400 buckets, or 48 hours), and this month's credits.
         */
        get: operations["UsageController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List companies
         * @description Filters combine with AND; a stable order; `total` is exact.
         */
        get: operations["CompaniesController_list"];
        put?: never;
        /** Create a company */
        post: operations["CompaniesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a company */
        get: operations["CompaniesController_get"];
        /**
         * Replace a company
         * @description A full replacement: an optional field left out becomes null.
         */
        put: operations["CompaniesController_replace"];
        post?: never;
        /**
         * Delete a company
         * @description A company with contacts is a 409 `company_has_contacts` unless `cascade=true`.
         */
        delete: operations["CompaniesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts */
        get: operations["ContactsController_list"];
        put?: never;
        /**
         * Create a contact
         * @description Its `companyId` must exist (400 naming `companyId`).
         */
        post: operations["ContactsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contact */
        get: operations["ContactsController_get"];
        /**
         * Replace a contact
         * @description A full replacement: an optional field left out becomes null.
         */
        put: operations["ContactsController_replace"];
        post?: never;
        /** Delete a contact */
        delete: operations["ContactsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Auth/login/v1/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an access token (InsideView's endpoint)
         * @description `clientId`, `clientSecret` and `grantType=cred` in the query string or a form body. XML by default; JSON for `.json` or `Accept: application/json`.
         */
        post: operations["InsideViewTokenController_token[0]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Auth/login/v1/token.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an access token (InsideView's endpoint)
         * @description `clientId`, `clientSecret` and `grantType=cred` in the query string or a form body. XML by default; JSON for `.json` or `Accept: application/json`.
         */
        post: operations["InsideViewTokenController_token[1]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator console (a page for browsers) */
        get: operations["ConsoleController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the console's compiled scripts or style sheets */
        get: operations["ConsoleController_asset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in operator
         * @description With a session cookie: its CSRF token and expiry, so a reloaded console can go on.
         */
        get: operations["ConsoleSessionController_current"];
        put?: never;
        /**
         * Sign in to the console with an operator key
         * @description Sets the session cookie. Wrong keys are counted per client address (429 `too_many_failures` past the limit) and recorded in the audit log.
         */
        post: operations["ConsoleSessionController_signIn"];
        /**
         * Sign out of the console
         * @description Ends the session on the server at once and clears the cookie.
         */
        delete: operations["ConsoleSessionController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description The process answers.
         */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description The store and Redis answer; a 503 names which is down.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Also accepts the operator key as `Authorization: Bearer <OPERATOR_KEY>`.
         */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Introspect an access token
         * @description RFC 7662: a client sees its own tokens only (others are `active: false`); an operator key (the bootstrap key or a named operator's, either role) sees any.
         */
        post: operations["OAuthController_introspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an access token
         * @description RFC 7009: unknown tokens and other clients' tokens answer 200 and change nothing. Effective on every instance before it returns.
         */
        post: operations["OAuthController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an access token (client credentials)
         * @description RFC 6749 4.4. `scope` narrows the token to some of the account scopes; `Cache-Control: no-store`.
         */
        post: operations["OAuthController_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accounts: by name prefix and status, in name order, one page at a time */
        get: operations["AccountsOperatorController_list"];
        put?: never;
        /**
         * Create an account
         * @description The answer is the only place its first client secret appears.
         */
        post: operations["AccountsOperatorController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/accounts/{idOrName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account */
        get: operations["AccountsOperatorController_get"];
        put?: never;
        post?: never;
        /** Delete an account: its tokens end at once; the record stays as `deleted`, its name and client ID are never reused */
        delete: operations["AccountsOperatorController_delete"];
        options?: never;
        head?: never;
        /**
         * Update an account
         * @description Only the fields sent change. `status: "disabled"` ends every token of the account at once.
         */
        patch: operations["AccountsOperatorController_update"];
        trace?: never;
    };
    "/operator/v1/accounts/{idOrName}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the client secret
         * @description Returns a new secret; the previous ones keep working for `graceSeconds` (default 24 h).
         */
        post: operations["AccountsOperatorController_rotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/accounts/{idOrName}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an account's live tokens
         * @description Never their values.
         */
        get: operations["TokensOperatorController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/accounts/{idOrName}/tokens/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every token of an account */
        post: operations["TokensOperatorController_revokeAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/accounts/{idOrName}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift an account's lockouts
         * @description Throttling lockouts, and used-up hard quotas for the rest of their period.
         */
        post: operations["ThrottlingOperatorController_unlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/accounts/{idOrName}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's usage, per token */
        get: operations["UsageOperatorController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts of every account, or of one
         * @description Newest first.
         */
        get: operations["AlertsOperatorController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log: who changed what, newest first
         * @description Every change through the operator API, the console or the CLI, failed console sign-ins and customers' own token revocations. Values of secrets never appear.
         */
        get: operations["AuditOperatorController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List operators
         * @description The bootstrap admin `root` first, then named operators by name. Never a key.
         */
        get: operations["OperatorsOperatorController_list"];
        put?: never;
        /**
         * Create an operator
         * @description The answer is the only place its key appears.
         */
        post: operations["OperatorsOperatorController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/operators/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an operator
         * @description Its key stops working and its console sessions end on every instance before this returns.
         */
        delete: operations["OperatorsOperatorController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a token
         * @description Effective on every instance before it returns.
         */
        delete: operations["TokensOperatorController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/operator/v1/usage/day": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One day's transactions per account, busiest first
         * @description The `limit` busiest accounts of the day, or the accounts named in `accounts`.
         */
        get: operations["UsageDayOperatorController_day"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountDayTotalDto: {
            accountId: string;
            /** @description per API, busiest first */
            apis: components["schemas"]["ApiTotalDto"][];
            /** @description null when the account record is gone */
            name: string | null;
            transactions: number;
        };
        AccountListItemDto: {
            /** @example acc_YZ-8Zehgle0qtQC0 */
            accountId: string;
            alertWebhookUrl: string | null;
            /** @description client addresses and CIDR blocks, normalised; empty: any */
            allowedIps: string[];
            allowedOrigins: string[];
            /** @example tgc_… */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description only when an allocation is set */
            credits?: components["schemas"]["CreditPolicyViewDto"];
            /**
             * Format: date-time
             * @description only on a deleted account
             */
            deletedAt?: string;
            maxActiveTokens: number;
            /** @description never used for a decision */
            metadata: {
                [key: string]: string;
            };
            name: string;
            quotas: components["schemas"]["QuotaPolicyViewDto"][];
            scopes: string[];
            secrets: components["schemas"]["ClientSecretViewDto"][];
            /** @enum {string} */
            status: "active" | "disabled" | "deleted";
            throttle: components["schemas"]["ThrottlePolicyViewDto"];
            /** @enum {string} */
            tokenLimit: "refuse" | "revoke-oldest";
            tokenTtlSeconds: number;
            /** Format: date-time */
            updatedAt: string;
        };
        AccountPageDto: {
            items: components["schemas"]["AccountListItemDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AccountViewDto: {
            /** @example acc_YZ-8Zehgle0qtQC0 */
            accountId: string;
            /** @description key of the HMAC-SHA-256 signature on webhook deliveries (`whsec_…`) */
            alertWebhookSecret: string;
            alertWebhookUrl: string | null;
            /** @description client addresses and CIDR blocks, normalised; empty: any */
            allowedIps: string[];
            allowedOrigins: string[];
            /** @example tgc_… */
            clientId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description only when an allocation is set */
            credits?: components["schemas"]["CreditPolicyViewDto"];
            /**
             * Format: date-time
             * @description only on a deleted account
             */
            deletedAt?: string;
            maxActiveTokens: number;
            /** @description never used for a decision */
            metadata: {
                [key: string]: string;
            };
            name: string;
            quotas: components["schemas"]["QuotaPolicyViewDto"][];
            scopes: string[];
            secrets: components["schemas"]["ClientSecretViewDto"][];
            /** @enum {string} */
            status: "active" | "disabled" | "deleted";
            throttle: components["schemas"]["ThrottlePolicyViewDto"];
            /** @enum {string} */
            tokenLimit: "refuse" | "revoke-oldest";
            tokenTtlSeconds: number;
            /** Format: date-time */
            updatedAt: string;
        };
        AlertDto: {
            accountId: string;
            /** @description the API product */
            api: string;
            /** Format: date-time */
            at: string;
            count: number;
            /** Format: date-time */
            deliveredAt: string | null;
            id: string;
            limit: number;
            /** @description the period the alert belongs to */
            period: string;
            /** @description `account` or `token` for a lockout */
            scope: string | null;
            /** @description the warnAt fraction crossed (1 for a lockout or a used-up quota) */
            threshold: number;
            tokenId: string;
            /** @enum {string} */
            type: "throttle.warning" | "throttle.lockout" | "quota.warning" | "quota.exceeded" | "credits.warning" | "credits.exhausted";
            /**
             * Format: date-time
             * @description end of the lockout or quota period
             */
            until: string | null;
        };
        AlertPageDto: {
            items: components["schemas"]["AlertDto"][];
            /** @description the next page, or null on the last one */
            nextPage: number | null;
            page: number;
            pageSize: number;
        };
        ApiLimitedBody: {
            /** @example contacts */
            api: string;
            /** @example api_limited */
            error: string;
            /** @example account "acme" not found */
            message: string;
            /** @example 8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b */
            requestId: string;
            /**
             * @description seconds until the window admits one more request
             * @example 12
             */
            retryAfter: number;
        };
        ApiTotalDto: {
            /** @example companies */
            api: string;
            transactions: number;
        };
        ApiWindowPolicyDto: {
            api: string;
            limit: number;
            periodSeconds: number;
        };
        AuditEntryDto: {
            accountId?: string;
            accountName?: string;
            /** @example account.update */
            action: string;
            /**
             * @description an operator name, `cli:<os user>`, `client:<client id>` or `anonymous`
             * @example alice
             */
            actor: string;
            /** @enum {string} */
            actorKind: "operator" | "cli" | "client" | "anonymous" | "system";
            /** Format: date-time */
            at: string;
            changes: components["schemas"]["FieldChangeDto"][];
            /** @description facts of the outcome (tokens revoked, lockouts lifted, the address of a failed sign-in) */
            detail?: {
                [key: string]: unknown;
            };
            id: string;
            requestId?: string;
            target: components["schemas"]["AuditTargetDto"];
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            /** @description the next page, or null on the last one */
            nextPage: number | null;
            page: number;
            pageSize: number;
        };
        AuditTargetDto: {
            /** @example acc_YZ-8Zehgle0qtQC0 */
            id?: string;
            /** @example acme */
            name?: string;
            /**
             * @description account, operator, token, session
             * @example account
             */
            type: string;
        };
        AuthorizationServerMetadataDto: {
            /**
             * @example [
             *       "client_credentials"
             *     ]
             */
            grant_types_supported: string[];
            /** Format: uri */
            introspection_endpoint: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post"
             *     ]
             */
            introspection_endpoint_auth_methods_supported: string[];
            /** Format: uri */
            issuer: string;
            /** @example [] */
            response_types_supported: string[];
            /** Format: uri */
            revocation_endpoint: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post"
             *     ]
             */
            revocation_endpoint_auth_methods_supported: string[];
            /** Format: uri */
            service_documentation: string;
            /** Format: uri */
            token_endpoint: string;
            /**
             * @example [
             *       "client_secret_basic",
             *       "client_secret_post"
             *     ]
             */
            token_endpoint_auth_methods_supported: string[];
        };
        BurstLimitedBody: {
            /** @example burst_limited */
            error: string;
            /** @example account "acme" not found */
            message: string;
            /** @example 8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b */
            requestId: string;
            /**
             * @description seconds until the window admits one more request
             * @example 1
             */
            retryAfter: number;
        };
        ClientSecretViewDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description set when a rotation retired it: it works until then
             */
            expiresAt: string | null;
            id: string;
        };
        CompanyBodyDto: {
            city?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 (case-insensitive)
             * @enum {string|null}
             */
            country?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "YE" | "YT" | "ZA" | "ZM" | "ZW" | null;
            /** @description a domain name with a top-level domain, such as example.com */
            domain: string;
            employees?: number | null;
            industry?: string | null;
            name: string;
            /** @description Annual revenue in US dollars, at most two decimal places. */
            revenue?: number | null;
            website?: string | null;
        };
        CompanyDto: {
            city: string | null;
            /** @description ISO 3166-1 alpha-2, upper-cased */
            country: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description lower-cased; unique across companies
             * @example summit.example
             */
            domain: string;
            employees: number | null;
            /** @example 6650f1c2a1b2c3d4e5f60718 */
            id: string;
            industry: string | null;
            /** @example Summit Analytics */
            name: string;
            /** @description annual revenue in US dollars */
            revenue: number | null;
            /** Format: date-time */
            updatedAt: string;
            website: string | null;
        };
        CompanyPageDto: {
            items: components["schemas"]["CompanyDto"][];
            page: number;
            pageSize: number;
            /** @description exact number of companies matching the filters */
            total: number;
        };
        ConsoleSessionDto: {
            /** @description send it as `X-CSRF-Token` on every request of this session that changes something; null without a session */
            csrfToken: string | null;
            /**
             * Format: date-time
             * @description when the session ends; null without a session
             */
            expiresAt: string | null;
            operator: components["schemas"]["SessionOperatorDto"];
            /**
             * Format: date
             * @description today's UTC date on the server's clock (the usage charts' last day)
             * @example 2026-11-30
             */
            today: string;
            /**
             * @description a console session cookie, or an operator key in a header
             * @enum {string}
             */
            via: "session" | "key";
        };
        ContactBodyDto: {
            companyId: string;
            /** @description an email address */
            email: string;
            firstName: string;
            lastName: string;
            phone?: string | null;
            title?: string | null;
        };
        ContactDto: {
            companyId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description lower-cased; unique within its company */
            email: string;
            firstName: string;
            id: string;
            lastName: string;
            phone: string | null;
            title: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        ContactPageDto: {
            items: components["schemas"]["ContactDto"][];
            page: number;
            pageSize: number;
            /** @description exact number of contacts matching the filters */
            total: number;
        };
        CreateAccountDto: {
            /** @description an http(s) URL of a public host */
            alertWebhookUrl?: string | null;
            /**
             * @description Client addresses and CIDR blocks (IPv4, IPv6) requests and token requests may come from; empty: any. Stored normalised (`203.0.113.0/24`, `2001:db8::/32`).
             * @example [
             *       "203.0.113.0/24",
             *       "2001:db8::/32",
             *       "198.51.100.7"
             *     ]
             */
            allowedIps?: string[];
            allowedOrigins?: string[];
            /** @description A monthly credit allocation across all APIs, renewed each UTC month; requests spend their route cost from it. Absent: unchanged; null: none. */
            credits?: components["schemas"]["CreditPolicyDto"] | null;
            maxActiveTokens?: number;
            /**
             * @description String keys and values of your own (at most 32 keys and 4096 bytes in all, keys not empty): returned by the operator API and token introspection (`tollgate_metadata`), never used for a decision. An update replaces the whole object.
             * @example {
             *       "plan": "gold",
             *       "crmId": "C-1042"
             *     }
             */
            metadata?: {
                [key: string]: string;
            };
            name: string;
            quotas?: components["schemas"]["QuotaPolicyDto"][];
            scopes?: string[];
            throttle?: components["schemas"]["ThrottlePolicyDto"];
            /**
             * @description At `maxActiveTokens`: `refuse` the token request (default), or `revoke-oldest` live token to make room.
             * @enum {string}
             */
            tokenLimit?: "refuse" | "revoke-oldest";
            tokenTtlSeconds?: number;
        };
        CreatedAccountDto: {
            /** @example acc_YZ-8Zehgle0qtQC0 */
            accountId: string;
            /** @description key of the HMAC-SHA-256 signature on webhook deliveries (`whsec_…`) */
            alertWebhookSecret: string;
            alertWebhookUrl: string | null;
            /** @description client addresses and CIDR blocks, normalised; empty: any */
            allowedIps: string[];
            allowedOrigins: string[];
            /** @example tgc_… */
            clientId: string;
            /** @description the client secret (`tgs_…`), shown once */
            clientSecret: string;
            /** Format: date-time */
            createdAt: string;
            /** @description only when an allocation is set */
            credits?: components["schemas"]["CreditPolicyViewDto"];
            /**
             * Format: date-time
             * @description only on a deleted account
             */
            deletedAt?: string;
            maxActiveTokens: number;
            /** @description never used for a decision */
            metadata: {
                [key: string]: string;
            };
            name: string;
            quotas: components["schemas"]["QuotaPolicyViewDto"][];
            scopes: string[];
            secrets: components["schemas"]["ClientSecretViewDto"][];
            /** @enum {string} */
            status: "active" | "disabled" | "deleted";
            throttle: components["schemas"]["ThrottlePolicyViewDto"];
            /** @enum {string} */
            tokenLimit: "refuse" | "revoke-oldest";
            tokenTtlSeconds: number;
            /** Format: date-time */
            updatedAt: string;
        };
        CreatedOperatorDto: {
            /** @description true for `root`, the bootstrap admin whose key is OPERATOR_KEY */
            bootstrap: boolean;
            /**
             * Format: date-time
             * @description null for the bootstrap admin
             */
            createdAt: string | null;
            /** @description who created it; null for the bootstrap admin */
            createdBy: string | null;
            /**
             * @description the operator key, shown this once
             * @example tgo_…
             */
            key: string;
            /** @example alice */
            name: string;
            /** @enum {string} */
            role: "admin" | "viewer";
        };
        CreateOperatorDto: {
            /** @example alice */
            name: string;
            /**
             * @description `admin`: everything; `viewer`: reads only
             * @enum {string}
             */
            role: "admin" | "viewer";
        };
        CreditPolicyDto: {
            /**
             * @description `hard` (default): a request costing more than what is left gets 429 `credits_exhausted`; `alert`: never refused, alerts only
             * @enum {string}
             */
            enforce?: "hard" | "alert";
            /** @description credits per UTC month, every API together; each request spends its route cost (1 unless the route says otherwise) */
            monthly: number;
            /** @description fractions of `monthly` at which a `credits.warning` alert is raised (default 0.8, 0.9) */
            warnAt?: number[];
        };
        CreditPolicyViewDto: {
            /** @enum {string} */
            enforce: "hard" | "alert";
            monthly: number;
            warnAt: number[];
        };
        CreditsDto: {
            /** @description the monthly credit allocation; without one, the sum of the monthly quotas; null when neither is set */
            allocatedCredits: number | null;
            consumedCredits: number;
            /** @example 2026-11 */
            month: string;
        };
        CreditsExhaustedBody: {
            /**
             * @description credits this request costs
             * @example 10
             */
            cost: number;
            /** @example credits_exhausted */
            error: string;
            /** @example account "acme" not found */
            message: string;
            /**
             * @description credits left this month
             * @example 3
             */
            remaining: number;
            /** @example 8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b */
            requestId: string;
            /**
             * Format: date-time
             * @description when the allocation renews (the next UTC month)
             */
            resetAt: string;
        };
        DayTotalsDto: {
            /**
             * Format: date
             * @example 2026-11-30
             */
            day: string;
            items: components["schemas"]["AccountDayTotalDto"][];
        };
        ErrorBody: {
            /** @example not_found */
            error: string;
            /** @example account "acme" not found */
            message: string;
            /** @example 8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b */
            requestId: string;
        };
        FieldChangeDto: {
            /** @description the value after the change (null: none) */
            after: (string | null) | number | boolean | {
                [key: string]: unknown;
            } | unknown[];
            /** @description the value before the change (null: none) */
            before: (string | null) | number | boolean | {
                [key: string]: unknown;
            } | unknown[];
            /** @example throttle */
            field: string;
        };
        FieldProblem: {
            /** @example quotas.0.limit */
            field: string;
            /**
             * @example [
             *       "limit must not be less than 1"
             *     ]
             */
            problems: string[];
        };
        InsideViewTokenDetailsDto: {
            accessToken: string;
            /** Format: date-time */
            expirationTime: string;
            /** @enum {string} */
            tokenType: "bearer";
        };
        InsideViewTokenDto: {
            accessTokenDetails: components["schemas"]["InsideViewTokenDetailsDto"];
        };
        IntrospectionDto: {
            active: boolean;
            client_id?: string;
            /** @description expiry, seconds since the epoch */
            exp?: number;
            /** @description issue time, seconds since the epoch */
            iat?: number;
            /** @description the token id */
            jti?: string;
            /** @description space-separated */
            scope?: string;
            /** @description the account id */
            sub?: string;
            /** @enum {string} */
            token_type?: "Bearer";
            /** @description the account's metadata (labels of the operator's; never used for a decision) */
            tollgate_metadata?: {
                [key: string]: string;
            };
            /** @description the account name */
            username?: string;
        };
        LimitsDto: {
            accountId: string;
            /** @description the account's burst window as this request left it; absent when it has none */
            burst?: components["schemas"]["WindowLimitsDto"];
            /** @description requests per period, per token */
            limit: number;
            lockout: components["schemas"]["LockoutsDto"];
            /** @enum {string} */
            lockoutScope: "account" | "token";
            lockoutSeconds: number;
            periodSeconds: number;
            /** @description null when rate limiting was unavailable and the request was admitted uncounted (fail-open) */
            remaining: number | null;
            /** Format: date-time */
            resetAt: string | null;
            /** Format: date-time */
            tokenExpiresAt: string;
            tokenId: string;
            used: number | null;
            warnAt: number[];
            /** @description the warnAt fraction reached in this period, if any */
            warning: number | null;
        };
        LockoutsDto: {
            account: components["schemas"]["LockStateDto"];
            token: components["schemas"]["LockStateDto"];
        };
        LockStateDto: {
            locked: boolean;
        };
        OAuthErrorBody: {
            /** @enum {string} */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "unsupported_token_type" | "temporarily_unavailable";
            error_description?: string;
        };
        OperatorListDto: {
            items: components["schemas"]["OperatorViewDto"][];
        };
        OperatorUsageReportDto: {
            accountId: string;
            creditsForAccount: components["schemas"]["CreditsDto"][];
            end: string;
            /** @enum {string} */
            period: "hour" | "day" | "month" | "year";
            start: string;
            usageForAccount: components["schemas"]["UsageRowDto"][];
            usageForTokens: components["schemas"]["TokenUsageRowDto"][];
        };
        OperatorViewDto: {
            /** @description true for `root`, the bootstrap admin whose key is OPERATOR_KEY */
            bootstrap: boolean;
            /**
             * Format: date-time
             * @description null for the bootstrap admin
             */
            createdAt: string | null;
            /** @description who created it; null for the bootstrap admin */
            createdBy: string | null;
            /** @example alice */
            name: string;
            /** @enum {string} */
            role: "admin" | "viewer";
        };
        QuotaExceededBody: {
            /** @example companies */
            api: string;
            /** @example quota_exceeded */
            error: string;
            /** @example account "acme" not found */
            message: string;
            /** @enum {string} */
            period: "month" | "day" | "hour";
            /** @example 8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b */
            requestId: string;
            /** Format: date-time */
            resetAt: string;
        };
        QuotaPolicyDto: {
            api: string;
            /** @enum {string} */
            enforce?: "hard" | "alert";
            limit: number;
            /**
             * @description UTC hour, day or month
             * @enum {string}
             */
            period: "month" | "day" | "hour";
            warnAt?: number[];
        };
        QuotaPolicyViewDto: {
            api: string;
            /** @enum {string} */
            enforce: "hard" | "alert";
            limit: number;
            /** @enum {string} */
            period: "month" | "day" | "hour";
            warnAt: number[];
        };
        RevokedOperatorDto: {
            /** @description true for `root`, the bootstrap admin whose key is OPERATOR_KEY */
            bootstrap: boolean;
            /**
             * Format: date-time
             * @description null for the bootstrap admin
             */
            createdAt: string | null;
            /** @description who created it; null for the bootstrap admin */
            createdBy: string | null;
            /** @example alice */
            name: string;
            /** @enum {string} */
            role: "admin" | "viewer";
            /** @description console sessions of the operator that ended */
            sessionsEnded: number;
        };
        RevokedTokensDto: {
            accountId: string;
            /** @description how many live tokens were revoked */
            revoked: number;
        };
        RotatedSecretDto: {
            accountId: string;
            clientId: string;
            /** @description the new client secret (`tgs_…`), shown once */
            clientSecret: string;
            secretId: string;
            secrets: components["schemas"]["ClientSecretViewDto"][];
        };
        RotateSecretDto: {
            graceSeconds?: number;
        };
        SessionOperatorDto: {
            /** @example alice */
            name: string;
            /** @enum {string} */
            role: "admin" | "viewer";
        };
        SignedOutDto: {
            /** @description whether a session was ended */
            signedOut: boolean;
        };
        SignInDto: {
            /** @description an operator key (the bootstrap OPERATOR_KEY, or a named operator's `tgo_…`) */
            key: string;
        };
        ThrottledBody: {
            /** @example throttled */
            error: string;
            /** Format: date-time */
            lockedUntil: string;
            /** @example account "acme" not found */
            message: string;
            /** @example 8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b */
            requestId: string;
            /**
             * @description seconds until the lockout ends
             * @example 300
             */
            retryAfter: number;
            /** @enum {string} */
            scope: "account" | "token";
        };
        ThrottlePolicyDto: {
            /** @description a window per API product per token, a token bucket like the burst window; over it: 429 `api_limited`, no lockout */
            apis?: components["schemas"]["ApiWindowPolicyDto"][];
            /** @description a short window per token on top of the main one (e.g. 10 per 1 s), a token bucket: `limit` at once, then one every periodSeconds / limit; over it: 429 `burst_limited`, no lockout. Absent or null: none. */
            burst?: components["schemas"]["WindowPolicyDto"] | null;
            limit: number;
            lockoutSeconds?: number;
            periodSeconds?: number;
            /** @enum {string} */
            scope?: "account" | "token";
            warnAt?: number[];
        };
        ThrottlePolicyViewDto: {
            limit: number;
            lockoutSeconds: number;
            periodSeconds: number;
            /** @enum {string} */
            scope: "account" | "token";
            warnAt: number[];
        };
        TokenListDto: {
            accountId: string;
            tokens: components["schemas"]["TokenSummaryDto"][];
        };
        TokenResponseDto: {
            /** @description opaque bearer token (`tgt_…`) */
            access_token: string;
            /** @description seconds until it expires */
            expires_in: number;
            /** @description the scopes granted, space-separated */
            scope: string;
            /** @enum {string} */
            token_type: "Bearer";
        };
        TokenSummaryDto: {
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            issuedAt: string;
            scopes: string[];
            /** @example tok_3NaazsPL_GFY8JUY */
            tokenId: string;
            /**
             * @description the endpoint that issued it
             * @enum {string}
             */
            via: "oauth" | "insideview";
        };
        TokenUsageRowDto: {
            api: string;
            date: string;
            tokenId: string;
            transactions: number;
        };
        TooManyFailuresBody: {
            /** @example too_many_failures */
            error: string;
            /** @example account "acme" not found */
            message: string;
            /** @example 8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b */
            requestId: string;
            /**
             * @description seconds until the address may try again
             * @example 45
             */
            retryAfter: number;
        };
        UnlockResultDto: {
            accountId: string;
            /** @description how many lockouts and used-up hard quotas were lifted */
            lifted: number;
        };
        UpdateAccountDto: {
            /** @description an http(s) URL of a public host */
            alertWebhookUrl?: string | null;
            /**
             * @description Client addresses and CIDR blocks (IPv4, IPv6) requests and token requests may come from; empty: any. Stored normalised (`203.0.113.0/24`, `2001:db8::/32`).
             * @example [
             *       "203.0.113.0/24",
             *       "2001:db8::/32",
             *       "198.51.100.7"
             *     ]
             */
            allowedIps?: string[];
            allowedOrigins?: string[];
            /** @description A monthly credit allocation across all APIs, renewed each UTC month; requests spend their route cost from it. Absent: unchanged; null: none. */
            credits?: components["schemas"]["CreditPolicyDto"] | null;
            maxActiveTokens?: number;
            /**
             * @description String keys and values of your own (at most 32 keys and 4096 bytes in all, keys not empty): returned by the operator API and token introspection (`tollgate_metadata`), never used for a decision. An update replaces the whole object.
             * @example {
             *       "plan": "gold",
             *       "crmId": "C-1042"
             *     }
             */
            metadata?: {
                [key: string]: string;
            };
            quotas?: components["schemas"]["QuotaPolicyDto"][];
            scopes?: string[];
            /** @enum {string} */
            status?: "active" | "disabled";
            throttle?: components["schemas"]["ThrottlePolicyDto"];
            /**
             * @description At `maxActiveTokens`: `refuse` the token request (default), or `revoke-oldest` live token to make room.
             * @enum {string}
             */
            tokenLimit?: "refuse" | "revoke-oldest";
            tokenTtlSeconds?: number;
        };
        UsageReportDto: {
            accountId: string;
            creditsForAccount: components["schemas"]["CreditsDto"][];
            end: string;
            /** @enum {string} */
            period: "hour" | "day" | "month" | "year";
            start: string;
            usageForAccount: components["schemas"]["UsageRowDto"][];
        };
        UsageRowDto: {
            /** @example companies */
            api: string;
            /** @description sum of the requests' costs */
            credits: number;
            /** @description the bucket: YYYY-MM-DDTHH, YYYY-MM-DD, YYYY-MM or YYYY */
            date: string;
            /** @description requests */
            transactions: number;
        };
        ValidationErrorBody: {
            /** @example validation_failed */
            error: string;
            /** @description how many fields were offending, when `truncated` */
            fieldCount?: number;
            /** @description at most 20 fields; `truncated` says when there were more */
            fields: components["schemas"]["FieldProblem"][];
            /** @example account "acme" not found */
            message: string;
            /** @example 8e8ddc62-6eb3-4354-b36e-5a44c4a7c00b */
            requestId: string;
            /** @description present (true) when more fields were offending than are listed */
            truncated?: boolean;
        };
        WindowLimitsDto: {
            limit: number;
            periodSeconds: number;
            remaining: number;
        };
        WindowPolicyDto: {
            limit: number;
            periodSeconds: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    OAuthController_metadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 8414 authorization server metadata */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationServerMetadataDto"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                since?: string;
                type?: "throttle.warning" | "throttle.lockout" | "quota.warning" | "quota.exceeded" | "credits.warning" | "credits.exhausted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPageDto"];
                    "application/xml": components["schemas"]["AlertPageDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LimitsController_limits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LimitsDto"];
                    "application/xml": components["schemas"]["LimitsDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AdminTokensController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenListDto"];
                    "application/xml": components["schemas"]["TokenListDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AdminTokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (or already ended) */
            204: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsageController_report: {
        parameters: {
            query: {
                /** @description same format as start (inclusive); at most 400 buckets, 48 hours */
                end: string;
                period: "hour" | "day" | "month" | "year";
                /** @description YYYY-MM-DDTHH (UTC hour), YYYY-MM-DD, YYYY-MM or YYYY matching the period (inclusive) */
                start: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageReportDto"];
                    "application/xml": components["schemas"]["UsageReportDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CompaniesController_list: {
        parameters: {
            query?: {
                /** @description ISO 3166-1 alpha-2 (case-insensitive) */
                country?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
                domain?: string;
                industry?: string;
                /** @description Case-insensitive prefix of the company name. */
                name?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyPageDto"];
                    "application/xml": components["schemas"]["CompanyPageDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CompaniesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description the new company */
                    Location?: string;
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyDto"];
                    "application/xml": components["schemas"]["CompanyDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CompaniesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyDto"];
                    "application/xml": components["schemas"]["CompanyDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CompaniesController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompanyBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompanyDto"];
                    "application/xml": components["schemas"]["CompanyDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CompaniesController_remove: {
        parameters: {
            query?: {
                /** @description `true` deletes the company's contacts with it; without it a company with contacts is a 409. */
                cascade?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ContactsController_list: {
        parameters: {
            query?: {
                companyId?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactPageDto"];
                    "application/xml": components["schemas"]["ContactPageDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ContactsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactBodyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description the new contact */
                    Location?: string;
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactDto"];
                    "application/xml": components["schemas"]["ContactDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ContactsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactDto"];
                    "application/xml": components["schemas"]["ContactDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ContactsController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactDto"];
                    "application/xml": components["schemas"]["ContactDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ContactsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing, invalid, expired or revoked token; the account disabled */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The token lacks a scope this route requires (`insufficient_scope`), or the account's `allowedIps` does not include the client address (`ip_not_allowed`; refused before any effect) */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tollgate"[, error="…", scope="…"]` */
                    "WWW-Authenticate"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Throttled (`throttled`, a lockout), over the burst window (`burst_limited`) or this API's window (`api_limited`), a hard quota used up (`quota_exceeded`), the month's hard credit allocation short of this request's cost (`credits_exhausted`), or too many unknown tokens from this address (`too_many_failures`). Refused before any effect: always safe to retry after `Retry-After`. */
            429: {
                headers: {
                    /** @description draft-ietf-httpapi-ratelimit-headers: per policy, remaining quota `r` and seconds to reset `t`, e.g. `"token";r=42;t=117, "burst";r=9;t=1` */
                    RateLimit?: string;
                    /** @description every policy that applies to the request, by name (`token`, `burst`, `api:<api>`): quota `q` per window `w` seconds, e.g. `"token";q=100;w=300, "burst";q=10;w=1` */
                    "RateLimit-Policy"?: string;
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description present once a warnAt fraction of the limit is reached: `<fraction>; remaining=<n>` */
                    "Tollgate-Throttle-Warning"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                    "application/xml": components["schemas"]["ThrottledBody"] | components["schemas"]["QuotaExceededBody"] | components["schemas"]["TooManyFailuresBody"] | components["schemas"]["BurstLimitedBody"] | components["schemas"]["ApiLimitedBody"] | components["schemas"]["CreditsExhaustedBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/xml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "InsideViewTokenController_token[0]": {
        parameters: {
            query: {
                clientId: string;
                clientSecret: string;
                grantType: "cred";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the same parameters as a form body, instead of the query string */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description the client ID or account name */
                    clientId?: string;
                    /** @description a client secret */
                    clientSecret?: string;
                    /**
                     * @description cred
                     * @enum {string}
                     */
                    grantType?: "cred";
                };
            };
        };
        responses: {
            /** @description InsideView token: `{ accessTokenDetails: { accessToken, tokenType, expirationTime } }` in JSON; in XML the root element `accessTokenDetails` */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsideViewTokenDto"];
                    "application/xml": components["schemas"]["InsideViewTokenDetailsDto"];
                };
            };
            /** @description RFC 6749 5.2 error */
            400: {
                headers: {
                    "Cache-Control"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description `invalid_client` with `WWW-Authenticate: Basic` */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description The client authenticated, but its account's `allowedIps` does not include this address (`ip_not_allowed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many failed client authentications from this address (`too_many_failures`) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyFailuresBody"];
                };
            };
            /** @description Request line and headers larger than the server accepts (16 KiB) */
            431: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The store is unavailable (`temporarily_unavailable`); retry after `Retry-After`. `Tollgate-Request-Applied: false` when the request had no effect. */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description `false`: refused before any effect, safe to retry */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
        };
    };
    "InsideViewTokenController_token[1]": {
        parameters: {
            query: {
                clientId: string;
                clientSecret: string;
                grantType: "cred";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the same parameters as a form body, instead of the query string */
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description the client ID or account name */
                    clientId?: string;
                    /** @description a client secret */
                    clientSecret?: string;
                    /**
                     * @description cred
                     * @enum {string}
                     */
                    grantType?: "cred";
                };
            };
        };
        responses: {
            /** @description InsideView token: `{ accessTokenDetails: { accessToken, tokenType, expirationTime } }` in JSON; in XML the root element `accessTokenDetails` */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsideViewTokenDto"];
                    "application/xml": components["schemas"]["InsideViewTokenDetailsDto"];
                };
            };
            /** @description RFC 6749 5.2 error */
            400: {
                headers: {
                    "Cache-Control"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description `invalid_client` with `WWW-Authenticate: Basic` */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description The client authenticated, but its account's `allowedIps` does not include this address (`ip_not_allowed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many failed client authentications from this address (`too_many_failures`) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyFailuresBody"];
                };
            };
            /** @description Request line and headers larger than the server accepts (16 KiB) */
            431: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The store is unavailable (`temporarily_unavailable`); retry after `Retry-After`. `Tollgate-Request-Applied: false` when the request had no effect. */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description `false`: refused before any effect, safe to retry */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
        };
    };
    ConsoleController_page: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The console page */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The console was not built (`npm run build`) */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsoleController_asset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file; names carry a hash of their content, so they are cached for good */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                    "text/javascript": string;
                };
            };
            /** @description No such file */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsoleSessionController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSessionDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsoleSessionController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description the session cookie (HttpOnly; SameSite=Strict; Secure behind HTTPS) */
                    "Set-Cookie"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSessionDto"];
                };
            };
            /** @description No key, or not a string of at most 256 characters (`validation_failed`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"];
                };
            };
            /** @description Wrong operator key (`invalid_operator_key`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Sent from another site (`csrf_failed`: the Origin is not this server) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many failed authentications from this address (`too_many_failures`) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyFailuresBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The store or Redis is unavailable; retry after `Retry-After` */
            503: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConsoleSessionController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedOutDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        error?: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        info?: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Mongo or Redis is down: `not_ready`, and `details` says which */
            503: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        details: {
                            [key: string]: {
                                message?: string;
                                /** @enum {string} */
                                status: "up" | "down";
                            };
                        };
                        /** @enum {string} */
                        error: "not_ready";
                        message: string;
                        requestId: string;
                    };
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OAuthController_introspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description client_secret_post only */
                    client_id?: string;
                    /** @description client_secret_post only */
                    client_secret?: string;
                    /** @description the access token */
                    token: string;
                    /** @description optional */
                    token_type_hint?: string;
                };
            };
        };
        responses: {
            /** @description RFC 7662 introspection response */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntrospectionDto"];
                };
            };
            /** @description RFC 6749 5.2 error */
            400: {
                headers: {
                    "Cache-Control"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description `invalid_client` with `WWW-Authenticate: Basic` */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description Too many failed client authentications from this address (`too_many_failures`) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyFailuresBody"];
                };
            };
            /** @description Request line and headers larger than the server accepts (16 KiB) */
            431: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The store is unavailable (`temporarily_unavailable`); retry after `Retry-After`. `Tollgate-Request-Applied: false` when the request had no effect. */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description `false`: refused before any effect, safe to retry */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
        };
    };
    OAuthController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description client_secret_post only */
                    client_id?: string;
                    /** @description client_secret_post only */
                    client_secret?: string;
                    /** @description the access token */
                    token: string;
                    /** @description optional */
                    token_type_hint?: string;
                };
            };
        };
        responses: {
            /** @description Revoked, or unknown (RFC 7009 answers 200 either way): an empty JSON object */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description RFC 6749 5.2 error */
            400: {
                headers: {
                    "Cache-Control"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description `invalid_client` with `WWW-Authenticate: Basic` */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description Too many failed client authentications from this address (`too_many_failures`) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyFailuresBody"];
                };
            };
            /** @description Request line and headers larger than the server accepts (16 KiB) */
            431: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The store is unavailable (`temporarily_unavailable`); retry after `Retry-After`. `Tollgate-Request-Applied: false` when the request had no effect. */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description `false`: refused before any effect, safe to retry */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
        };
    };
    OAuthController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description client_secret_post only */
                    client_id?: string;
                    /** @description client_secret_post only */
                    client_secret?: string;
                    /**
                     * @description client_credentials
                     * @enum {string}
                     */
                    grant_type: "client_credentials";
                    /** @description optional, space-separated */
                    scope?: string;
                };
            };
        };
        responses: {
            /** @description RFC 6749 5.1 token response */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponseDto"];
                };
            };
            /** @description RFC 6749 5.2 error */
            400: {
                headers: {
                    "Cache-Control"?: string;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description `invalid_client` with `WWW-Authenticate: Basic` */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description The client authenticated, but its account's `allowedIps` does not include this address (`ip_not_allowed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many failed client authentications from this address (`too_many_failures`) */
            429: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyFailuresBody"];
                };
            };
            /** @description Request line and headers larger than the server accepts (16 KiB) */
            431: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The store is unavailable (`temporarily_unavailable`); retry after `Retry-After`. `Tollgate-Request-Applied: false` when the request had no effect. */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    /** @description `false`: refused before any effect, safe to retry */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
        };
    };
    AccountsOperatorController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description name prefix, case-insensitive */
                search?: string;
                /** @description without it: every account not deleted */
                status?: "active" | "disabled" | "deleted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description items are account views without the webhook signing key */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountPageDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AccountsOperatorController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedAccountDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AccountsOperatorController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountViewDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AccountsOperatorController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted account (`status: "deleted"`, `deletedAt`), without secrets or webhook signing key */
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountListItemDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AccountsOperatorController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrName: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountViewDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AccountsOperatorController_rotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrName: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateSecretDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedSecretDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TokensOperatorController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenListDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TokensOperatorController_revokeAll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedTokensDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ThrottlingOperatorController_unlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnlockResultDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsageOperatorController_report: {
        parameters: {
            query: {
                /** @description same format as start (inclusive); at most 400 buckets, 48 hours */
                end: string;
                period: "hour" | "day" | "month" | "year";
                /** @description YYYY-MM-DDTHH (UTC hour), YYYY-MM-DD, YYYY-MM or YYYY matching the period (inclusive) */
                start: string;
            };
            header?: never;
            path: {
                idOrName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorUsageReportDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsOperatorController_list: {
        parameters: {
            query?: {
                account?: string;
                page?: number;
                pageSize?: number;
                since?: string;
                type?: "throttle.warning" | "throttle.lockout" | "quota.warning" | "quota.exceeded" | "credits.warning" | "credits.exhausted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPageDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuditOperatorController_list: {
        parameters: {
            query?: {
                /** @description an account id or name (deleted accounts included) */
                account?: string;
                action?: string;
                /** @description who: an operator name, `cli:<os user>`, `client:<client id>` or `anonymous` */
                actor?: string;
                page?: number;
                pageSize?: number;
                /** @description entries at or after this ISO 8601 date or date-time */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OperatorsOperatorController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorListDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OperatorsOperatorController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOperatorDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedOperatorDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body larger than the limit (`payload_too_large`) */
            413: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Body of a content type this route does not take (`unsupported_media_type`) */
            415: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OperatorsOperatorController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedOperatorDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TokensOperatorController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Conflicts with the current state (a name, domain or email in use; a company with contacts) */
            409: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsageDayOperatorController_day: {
        parameters: {
            query?: {
                /** @description comma-separated account ids (at most 100): their totals whatever their rank */
                accounts?: string;
                /** @description a UTC day; today's (the server's clock) when absent */
                day?: string;
                /** @description how many of the busiest accounts (without `accounts`) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayTotalsDto"];
                };
            };
            /** @description Invalid input: every offending field named (`validation_failed`), or a request shape refused (`invalid_request`) */
            400: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"] | components["schemas"]["ErrorBody"];
                };
            };
            /** @description Missing or wrong operator key, or no live console session (`operator_key_required`) */
            401: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A viewer on a route that changes something, or a non-admin on an admin route (`forbidden`); a console session change without its CSRF token or from another origin (`csrf_failed`) */
            403: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Unexpected error (`internal_error`): no detail, only the request id to quote */
            500: {
                headers: {
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A dependency is away: the store (`temporarily_unavailable`), or rate limiting (`throttling_unavailable`, Redis down under the fail-closed policy) */
            503: {
                headers: {
                    /** @description seconds to wait before retrying */
                    "Retry-After"?: number;
                    /** @description `false` when the request was refused before it could have any effect (safe to retry, whatever the method) */
                    "Tollgate-Request-Applied"?: "false";
                    /** @description the request id (yours when sent and sane); quote it when reporting a problem */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
