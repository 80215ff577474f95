/**
 * GENERATED FILE - DO NOT EDIT.
 * Written by `npm run generate` from generated/openapi.yaml (openapi-typescript).
 * Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.
 */

export type $Read<T> = {
    readonly $read: T;
};
export type $Write<T> = {
    readonly $write: T;
};
export type Readable<T> = T extends $Write<any> ? never : T extends $Read<infer U> ? Readable<U> : T extends (infer E)[] ? Readable<E>[] : T extends object ? {
    [K in keyof T as NonNullable<T[K]> extends $Write<any> ? never : K]: Readable<T[K]>;
} : T;
export type Writable<T> = T extends $Read<any> ? never : T extends $Write<infer U> ? Writable<U> : T extends (infer E)[] ? Writable<E>[] : T extends object ? {
    [K in keyof T as NonNullable<T[K]> extends $Read<any> ? never : K]: Writable<T[K]>;
} & {
    [K in keyof T as NonNullable<T[K]> extends $Read<any> ? K : never]?: never;
} : T;
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
         *     Unlike the detail operation, the list does not return the domain names:
         *     its example sends `group_domains: null`.
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
    "/v1.0/apigw/purchases/apis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List purchased APIs
         * @description Returns the APIs of the API groups the tenant purchased ("Querying the
         *     List of Purchased APIs"), filtered by the optional
         *     query parameters and paged with `page_size` / `page_no`. The page says the
         *     conditions may be combined; it does not say how, and this contract adds
         *     no rule of its own. `total` counts every match, `size` the items on this
         *     page.
         *
         *     Each API names the subscription it belongs to (`purchase_id`, the `id` of
         *     an item of `listPurchasedGroups`).
         */
        get: operations["listPurchasedApis"];
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
         * @description Fields of a subscription, in the list and in the detail. Names and types
         *     are the ones Huawei's pages list ("Querying the List of Purchased API Groups", "Querying
         *     Details of a Purchased API Group").
         *
         *     None is `required` here: the pages list the response fields without a
         *     "mandatory" column, so nothing says the gateway always sends every one.
         *     Their examples do send every field, and so do this contract's examples
         *     and the mock's data (checked by the project's tests, not by this schema).
         */
        PurchaseBase: {
            /** @description Subscription id. The list may mask part of it (`9d0b****e4d13`). */
            id?: string;
            /** @description Id of the purchased API group. */
            group_id?: string;
            /** @description Name of the purchased API group. */
            group_name?: string;
            /** @description Description of the API group. */
            group_remark?: string;
            /**
             * Format: date-time
             * @description When the order was placed. The pages give the type
             *     "Timestamp" and print it as ISO 8601 in UTC (`2017-12-29T06:22:46Z`
             *     in the list example).
             */
            order_time?: string;
            /**
             * Format: date-time
             * @description When the subscription takes effect, ISO 8601 in UTC as `order_time`.
             */
            start_time?: string;
            /**
             * Format: date-time
             * @description When the subscription expires, ISO 8601 in UTC as `order_time`.
             */
            expire_time?: string;
            /** @description Remaining number of API calls. No bound is documented. */
            quota_left?: number;
            /** @description Number of API calls already used. No bound is documented. */
            quota_used?: number;
            /** @description AppKey of the app generated for this purchase; the list may mask part of it. */
            app_key?: string;
            /**
             * @description AppSecret of the generated app. A credential: the
             *     documentation shows it masked as `******`; clients must never log it.
             */
            app_secret?: string;
        };
        /**
         * @description Domain names through which the purchased API group is called (type
         *     `[]String` on both pages). The detail returns them; the list does not
         *     (its example sends `null`), and an empty list may come as `[]` or `null`.
         *     No host-name format is documented: the group's default subdomain under
         *     `huaweicloudapis.com` and bound custom domains both appear here.
         */
        GroupDomains: string[] | null;
        /**
         * @description A subscription as the list returns it: the common fields. The list page
         *     says `group_domains` is not returned by the list and its
         *     example sends `null`.
         */
        PurchasedGroupSummary: components["schemas"]["PurchaseBase"] & {
            group_domains?: components["schemas"]["GroupDomains"];
        };
        /**
         * @description One page of the tenant's purchased API groups. The three fields are the
         *     ones the list page documents; it has no "mandatory" column for responses,
         *     so none is `required` here (its example sends all three).
         */
        PurchasedGroupList: {
            /** @description Number of purchases matching the filters, over all pages. */
            total?: number;
            /** @description Number of purchases in this page, the length of `purchases`. */
            size?: number;
            /** @description The purchases of this page. */
            purchases?: components["schemas"]["PurchasedGroupSummary"][];
        };
        /**
         * @description Error body of APIG. Two layers answer with it, both with `error_code` and
         *     `error_msg` (sources: the error-code table of the APIG API reference,
         *     "APIG Error Codes", for the management API; the 401 bodies quoted in public
         *     issue threads jeessy2/ddns-go #844 and huaweicloud/huaweicloud-sdk-python
         *     #13 for the gateway in front of it):
         *
         *     - the management API itself: `APIG.xxxx` codes (`APIG.3014` …);
         *     - the gateway in front of every API: `APIGW.xxxx` codes, with a
         *       `request_id` (`APIGW.0301` bad signature, `APIGW.0308` throttled).
         *
         *     Dedicated-edition APIs on the same host use `APIC.xxxx`, and older pages
         *     print `APIG.0301` for the signature case, so no code format is imposed.
         *
         *     `x-unrouted-error` is the gateway's answer to a path it has no API for, the
         *     one error no operation documents (message as in Huawei's FAQ "How Do I
         *     Handle the Error APIG.0101?", with the gateway's `APIGW.` prefix); the mock
         *     answers unknown paths with it. An extension, not `examples`: Prism would
         *     serve a schema's example in place of the operations' own error examples.
         */
        ApigError: {
            /**
             * @description Error code, for example `APIG.3014`, `APIGW.0301` or `APIC.7211`. Any
             *     non-empty string: the sources show three prefixes and no fixed length.
             */
            error_code: string;
            /** @description Human-readable message, in English. */
            error_msg: string;
            /**
             * @description Id of the request, to quote to Huawei support. Optional: the gateway
             *     adds it to the errors it raises itself; Huawei's SDKs
             *     (huaweicloud-sdk-go-v3 `core/sdkerr/errors.go`) fall back to the
             *     `X-Request-Id` response header when the body has none.
             */
            request_id?: string;
        };
        /**
         * @description One subscription as the detail operation returns it: the common fields
         *     and the domain names of the purchased API group, which the detail page
         *     says are returned by this query.
         */
        PurchasedGroup: components["schemas"]["PurchaseBase"] & {
            group_domains?: components["schemas"]["GroupDomains"];
        };
        /**
         * @description One API of a purchased API group. Names and types are the ones the page
         *     "Querying the List of Purchased APIs" lists (all String). As on the sibling
         *     pages, none is `required`: the page has no "mandatory" column for the
         *     response; its example sends every field.
         */
        PurchasedApi: {
            /** @description API id. */
            id?: string;
            /** @description API name. */
            name?: string;
            /** @description Id of the subscription the API belongs to (the `id` of a purchase of `listPurchasedGroups`). */
            purchase_id?: string;
            /** @description Description of the API. */
            remark?: string;
            /**
             * @description Access path of the API. The page says "access address" and its example
             *     prints paths (`/envs`); no format is documented, so
             *     none is imposed.
             */
            req_uri?: string;
        };
        /**
         * @description One page of the APIs of the tenant's purchased API groups. The three
         *     fields are the ones the page documents; none is `required` (the page has
         *     no "mandatory" column; its example sends all three).
         */
        PurchasedApiList: {
            /** @description Number of APIs matching the filters, over all pages. */
            total?: number;
            /** @description Number of APIs in this page, the length of `apis`. */
            size?: number;
            /** @description The APIs of this page. */
            apis?: components["schemas"]["PurchasedApi"][];
        };
    };
    responses: {
        /** @description Bad Request: a parameter is missing, malformed or out of the bounds this contract gives. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /** @description Unauthorized: no credentials, or the IAM token or AK/SK signature was rejected. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /**
         * @description Too Many Requests: the gateway in front of every APIG API throttled the
         *     call (`APIGW.0308`). Not on the endpoint pages: the gateway answers it for
         *     any API. Retry after a pause.
         */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /** @description Server Internal Error: the gateway failed; the request may be retried later. */
        InternalServerError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /** @description Forbidden: the credentials are valid but may not read this subscription. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
        /** @description Not Found: no subscription with this id, or its API group no longer exists. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApigError"];
            };
        };
    };
    parameters: {
        /** @description Only the purchase (subscription) with this id. */
        PurchaseIdFilter: string;
        /** @description Only purchases of the API group with this id. */
        GroupIdFilter: string;
        /** @description Only purchases of API groups with this name. */
        GroupNameFilter: string;
        /**
         * @description Number of items per page, default 20.
         *
         *     This endpoint's page gives only the default. The bounds are those of the
         *     sibling v1.0 list page of the same API (`GET /v1.0/apigw/apis`): at most
         *     500, and `0` returns every item on one page. Huawei's V2 SDKs clamp instead of rejecting (a `limit` of 0 or
         *     less becomes 20, above 500 becomes 500: huaweicloud-sdk-go-v3
         *     `services/apig/v2/model/model_list_api_groups_v2_request.go`).
         */
        PageSize: number;
        /**
         * @description Page number, default 1. The page documents only the default: no
         *     bound is given, so none is imposed here.
         */
        PageNo: number;
        /**
         * @description Subscription id (mandatory on the detail page): the `id` of
         *     an item returned by `listPurchasedGroups`. Sent as one percent-encoded
         *     path segment; an empty one would address another URL, hence `minLength`.
         */
        PurchaseId: string;
        /** @description Only the API with this id. */
        ApiIdFilter: string;
        /** @description Only APIs with this name. */
        ApiNameFilter: string;
        /** @description Only APIs of the API group with this id. */
        ApiGroupIdFilter: string;
        /** @description Only APIs of API groups with this name. */
        ApiGroupNameFilter: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Id of the request, to quote to Huawei support. Huawei's SDKs read it here
         *     when the body has no `request_id` (huaweicloud-sdk-go-v3
         *     `core/sdkerr/errors.go`).
         */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPurchasedGroups: {
        parameters: {
            query?: {
                /** @description Only the purchase (subscription) with this id. */
                id?: components["parameters"]["PurchaseIdFilter"];
                /** @description Only purchases of the API group with this id. */
                group_id?: components["parameters"]["GroupIdFilter"];
                /** @description Only purchases of API groups with this name. */
                group_name?: components["parameters"]["GroupNameFilter"];
                /**
                 * @description Number of items per page, default 20.
                 *
                 *     This endpoint's page gives only the default. The bounds are those of the
                 *     sibling v1.0 list page of the same API (`GET /v1.0/apigw/apis`): at most
                 *     500, and `0` returns every item on one page. Huawei's V2 SDKs clamp instead of rejecting (a `limit` of 0 or
                 *     less becomes 20, above 500 becomes 500: huaweicloud-sdk-go-v3
                 *     `services/apig/v2/model/model_list_api_groups_v2_request.go`).
                 */
                page_size?: components["parameters"]["PageSize"];
                /**
                 * @description Page number, default 1. The page documents only the default: no
                 *     bound is given, so none is imposed here.
                 */
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
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getPurchasedGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Subscription id (mandatory on the detail page): the `id` of
                 *     an item returned by `listPurchasedGroups`. Sent as one percent-encoded
                 *     path segment; an empty one would address another URL, hence `minLength`.
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
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPurchasedApis: {
        parameters: {
            query?: {
                /** @description Only the API with this id. */
                api_id?: components["parameters"]["ApiIdFilter"];
                /** @description Only APIs with this name. */
                api_name?: components["parameters"]["ApiNameFilter"];
                /** @description Only APIs of the API group with this id. */
                group_id?: components["parameters"]["ApiGroupIdFilter"];
                /** @description Only APIs of API groups with this name. */
                group_name?: components["parameters"]["ApiGroupNameFilter"];
                /**
                 * @description Number of items per page, default 20.
                 *
                 *     This endpoint's page gives only the default. The bounds are those of the
                 *     sibling v1.0 list page of the same API (`GET /v1.0/apigw/apis`): at most
                 *     500, and `0` returns every item on one page. Huawei's V2 SDKs clamp instead of rejecting (a `limit` of 0 or
                 *     less becomes 20, above 500 becomes 500: huaweicloud-sdk-go-v3
                 *     `services/apig/v2/model/model_list_api_groups_v2_request.go`).
                 */
                page_size?: components["parameters"]["PageSize"];
                /**
                 * @description Page number, default 1. The page documents only the default: no
                 *     bound is given, so none is imposed here.
                 */
                page_no?: components["parameters"]["PageNo"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of purchased APIs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchasedApiList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
