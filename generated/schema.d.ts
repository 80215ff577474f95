/**
 * GENERATED FILE - DO NOT EDIT.
 * Written by `npm run generate` from generated/openapi.yaml (openapi-typescript).
 * Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.
 */

export interface paths {
    "/v1.0/apigw/purchases/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List purchased API groups
         * @description Returns the API groups the tenant purchased, filtered by the optional
         *     query parameters and paged with `page_size` / `page_no`. Filters combine
         *     with AND. `total` counts every match, `size` the items on this page.
         *
         *     Unlike the detail operation, the list does not return
         *     `group_domains` (the gateway sends `null`).
         */
        get: operations["listPurchasedGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1.0/apigw/purchases/groups/{purchase_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one purchased API group
         * @description Returns one subscription (purchase record) of the tenant, including the
         *     domain names through which the purchased API group is reached
         *     (`group_domains`), which the list operation does not return.
         */
        get: operations["getPurchasedGroup"];
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
        /**
         * @description Fields every subscription carries, in the list and in the detail. The
         *     documentation marks none of them optional and its examples always send
         *     all of them, so they are required here.
         */
        PurchaseBase: {
            /** @description Subscription id (订购关系编号). The list may mask part of it (`9d0b****e4d13`). */
            id: string;
            /** @description Id of the purchased API group (分组编号). */
            group_id: string;
            /** @description Name of the purchased API group (分组名称). */
            group_name: string;
            /** @description Description of the API group (分组描述). */
            group_remark: string;
            /**
             * Format: date-time
             * @description When the order was placed (订购时间), ISO 8601 in UTC.
             */
            order_time: string;
            /**
             * Format: date-time
             * @description When the subscription takes effect (生效时间), ISO 8601 in UTC.
             */
            start_time: string;
            /**
             * Format: date-time
             * @description When the subscription expires (过期时间), ISO 8601 in UTC.
             */
            expire_time: string;
            /** @description Remaining number of API calls (剩余访问次数). */
            quota_left: number;
            /** @description Number of API calls already used (已使用访问次数). */
            quota_used: number;
            /** @description AppKey of the app generated for this purchase (生成的APP的key); the list may mask part of it. */
            app_key: string;
            /**
             * @description AppSecret of the generated app (生成的APP的secret). A credential: the
             *     documentation shows it masked as `******`; clients must never log it.
             */
            app_secret: string;
        };
        /**
         * @description A subscription as the list returns it: every common field, and no domain
         *     names (`group_domains` is absent or `null`: "查询列表时不返回").
         */
        PurchasedGroupSummary: components["schemas"]["PurchaseBase"] & {
            /** @description Not returned by the list; the gateway sends `null`. Use getPurchasedGroup for the domain names. */
            group_domains?: null;
        };
        /** @description One page of the tenant's purchased API groups. */
        PurchasedGroupList: {
            /** @description Number of purchases matching the filters, over all pages (满足查询条件的分组总数). */
            total: number;
            /** @description Number of purchases in this page, the length of `purchases` (本次查询返回的分组个数). */
            size: number;
            /** @description The purchases of this page (本次查询返回的分组列表). */
            purchases: components["schemas"]["PurchasedGroupSummary"][];
        };
        /**
         * @description Error body of APIG management APIs. The gateway adds `request_id` to the
         *     errors it raises itself (authentication, throttling).
         */
        ApigError: {
            /** @description APIG error code, `APIG.` and four digits, for example `APIG.3014`. */
            error_code: string;
            /** @description Human-readable message, in English. */
            error_msg: string;
            /** @description Id of the request, to quote to Huawei support. */
            request_id?: string;
        };
        /**
         * @description One subscription as the detail operation returns it: every common field
         *     plus the domain names of the purchased API group.
         */
        PurchasedGroup: components["schemas"]["PurchaseBase"] & {
            /** @description Domain names through which the purchased API group is called (分组访问域名列表). */
            group_domains: string[];
        };
    };
    responses: {
        /** @description Bad Request: a parameter is missing, malformed or out of the bounds this contract gives. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /** @description Unauthorized: no credentials, or the IAM token or AK/SK signature was rejected. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /** @description Server Internal Error: the gateway failed; the request may be retried later. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /** @description Forbidden: the credentials are valid but may not read this subscription. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /** @description Not Found: no subscription with this id, or its API group no longer exists. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
    };
    parameters: {
        /** @description Only the purchase (subscription) with this id (订购关系编号). */
        PurchaseIdFilter: string;
        /** @description Only purchases of the API group with this id (API分组编号). */
        GroupIdFilter: string;
        /** @description Only purchases of API groups with this name (API分组名称). */
        GroupNameFilter: string;
        /**
         * @description Number of purchases per page (每页显示的条数), default 20.
         *
         *     The v1.0 page does not state a maximum. The contract caps it at 500, the
         *     largest page APIG documents for its list operations (the `limit` of the
         *     dedicated-edition V2 list APIs: 1 to 500, larger values are cut to 500),
         *     so a client never relies on a page the gateway would silently shorten.
         */
        PageSize: number;
        /** @description Page number, starting at 1 (页码), default 1. */
        PageNo: number;
        /**
         * @description Subscription id (订购关系编号): the `id` of an item returned by
         *     `listPurchasedGroups`. Sent as one percent-encoded path segment.
         */
        PurchaseId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPurchasedGroups: {
        parameters: {
            query?: {
                /** @description Only the purchase (subscription) with this id (订购关系编号). */
                id?: components["parameters"]["PurchaseIdFilter"];
                /** @description Only purchases of the API group with this id (API分组编号). */
                group_id?: components["parameters"]["GroupIdFilter"];
                /** @description Only purchases of API groups with this name (API分组名称). */
                group_name?: components["parameters"]["GroupNameFilter"];
                /**
                 * @description Number of purchases per page (每页显示的条数), default 20.
                 *
                 *     The v1.0 page does not state a maximum. The contract caps it at 500, the
                 *     largest page APIG documents for its list operations (the `limit` of the
                 *     dedicated-edition V2 list APIs: 1 to 500, larger values are cut to 500),
                 *     so a client never relies on a page the gateway would silently shorten.
                 */
                page_size?: components["parameters"]["PageSize"];
                /** @description Page number, starting at 1 (页码), default 1. */
                page_no?: components["parameters"]["PageNo"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of purchased API groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchasedGroupList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getPurchasedGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Subscription id (订购关系编号): the `id` of an item returned by
                 *     `listPurchasedGroups`. Sent as one percent-encoded path segment.
                 */
                purchase_id: components["parameters"]["PurchaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchasedGroup"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
}
