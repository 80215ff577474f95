// GENERATED FILE - DO NOT EDIT.
// Written by `npm run generate` from openapi/ (the bundled contract): the operation table.
// Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.
export const operations = {
  "listPurchasedGroups": {
    "operationId": "listPurchasedGroups",
    "method": "GET",
    "path": "/v1.0/apigw/purchases/groups",
    "summary": "List purchased API groups",
    "pathParameters": [],
    "queryParameters": [
      {
        "name": "id",
        "type": "string"
      },
      {
        "name": "group_id",
        "type": "string"
      },
      {
        "name": "group_name",
        "type": "string"
      },
      {
        "name": "page_size",
        "type": "integer",
        "minimum": 0,
        "maximum": 500,
        "default": 20
      },
      {
        "name": "page_no",
        "type": "integer",
        "default": 1
      }
    ],
    "statuses": {
      "200": [
        "seedList",
        "emptyList"
      ],
      "400": [
        "parameterError",
        "invalidParameterValue"
      ],
      "401": [
        "tokenMissing",
        "sessionExpired",
        "incorrectToken",
        "incorrectIamAuthentication",
        "signatureRejected"
      ],
      "429": [
        "throttled"
      ],
      "500": [
        "internalServerError"
      ]
    },
    "list": {
      "items": "purchases",
      "pageSize": "page_size",
      "pageNo": "page_no",
      "iterator": "iteratePurchasedGroups"
    }
  },
  "getPurchasedGroup": {
    "operationId": "getPurchasedGroup",
    "method": "GET",
    "path": "/v1.0/apigw/purchases/groups/{purchase_id}",
    "summary": "Get one purchased API group",
    "pathParameters": [
      {
        "name": "purchase_id",
        "argument": "purchaseId"
      }
    ],
    "queryParameters": [],
    "statuses": {
      "200": [
        "seedDetail"
      ],
      "400": [
        "parameterError",
        "invalidParameterValue"
      ],
      "401": [
        "tokenMissing",
        "sessionExpired",
        "incorrectToken",
        "incorrectIamAuthentication",
        "signatureRejected"
      ],
      "403": [
        "methodNotPermitted",
        "insufficientPermissions",
        "subscriptionNotPermitted"
      ],
      "404": [
        "subscriptionNotFound",
        "apiGroupNotFound"
      ],
      "429": [
        "throttled"
      ]
    }
  },
  "listPurchasedApis": {
    "operationId": "listPurchasedApis",
    "method": "GET",
    "path": "/v1.0/apigw/purchases/apis",
    "summary": "List purchased APIs",
    "pathParameters": [],
    "queryParameters": [
      {
        "name": "api_id",
        "type": "string"
      },
      {
        "name": "api_name",
        "type": "string"
      },
      {
        "name": "group_id",
        "type": "string"
      },
      {
        "name": "group_name",
        "type": "string"
      },
      {
        "name": "page_size",
        "type": "integer",
        "minimum": 0,
        "maximum": 500,
        "default": 20
      },
      {
        "name": "page_no",
        "type": "integer",
        "default": 1
      }
    ],
    "statuses": {
      "200": [
        "seedApiList",
        "emptyApiList"
      ],
      "400": [
        "parameterError",
        "invalidParameterValue"
      ],
      "401": [
        "tokenMissing",
        "sessionExpired",
        "incorrectToken",
        "incorrectIamAuthentication",
        "signatureRejected"
      ],
      "429": [
        "throttled"
      ],
      "500": [
        "internalServerError"
      ]
    },
    "list": {
      "items": "apis",
      "pageSize": "page_size",
      "pageNo": "page_no",
      "iterator": "iteratePurchasedApis"
    }
  }
};

/** The contract's server URL template (servers[0].url). */
export const serverUrl = "https://apig.{region}.myhuaweicloud.com";

/** The response header that carries the request id (documented on the contract's answers). */
export const requestIdHeader = "X-Request-Id";
