// GENERATED FILE - DO NOT EDIT.
// Written by `npm run generate` from openapi/ (the bundled contract): every named example, by operation and status; the fields of every object schema.
// Edit the contract in openapi/ and run `npm run generate`; `npm run check:generated` fails when this file is stale.
export const examples = {
  "listPurchasedGroups": {
    "200": [
      {
        "name": "seedList",
        "value": {
          "total": 3,
          "size": 3,
          "purchases": [
            {
              "id": "615af8d9-f31d-4cdf-8807-b191dc969a07",
              "group_id": "f0585333-5722-4878-b7fa-31ae00b6ae3a",
              "group_name": "api_group_003",
              "group_remark": "分组003",
              "group_domains": null,
              "quota_used": 0,
              "quota_left": 2000000000,
              "order_time": "2017-12-29T06:22:46Z",
              "start_time": "2018-01-01T00:00:00Z",
              "expire_time": "2019-01-01T00:00:00Z",
              "app_key": "0e24****4785",
              "app_secret": "******"
            },
            {
              "id": "9d0b****e4d13",
              "group_id": "02a8****71ae7",
              "group_name": "api_group_002",
              "group_remark": "分组002",
              "group_domains": null,
              "quota_used": 0,
              "quota_left": 2000000000,
              "order_time": "2017-12-29T06:22:46Z",
              "start_time": "2018-01-01T00:00:00Z",
              "expire_time": "2019-01-01T00:00:00Z",
              "app_key": "0e242****04785",
              "app_secret": "******"
            },
            {
              "id": "3f30d****c587",
              "group_id": "73c5802****47f09",
              "group_name": "api_group_001",
              "group_remark": "分组001",
              "group_domains": null,
              "quota_used": 0,
              "quota_left": 2000000000,
              "order_time": "2017-12-29T06:16:03Z",
              "start_time": "2018-01-01T00:00:00Z",
              "expire_time": "2019-01-01T00:00:00Z",
              "app_key": "0e242****4785",
              "app_secret": "******"
            }
          ]
        }
      },
      {
        "name": "emptyList",
        "value": {
          "total": 0,
          "size": 0,
          "purchases": []
        }
      }
    ],
    "400": [
      {
        "name": "parameterError",
        "value": {
          "error_code": "APIG.2000",
          "error_msg": "Parameter error",
          "request_id": "8c2ab1f0d8e34a2fb5e0a6b7c1d2e3f4"
        }
      },
      {
        "name": "invalidParameterValue",
        "value": {
          "error_code": "APIG.2012",
          "error_msg": "Invalid parameter value,parameterName:page_size. Please refer to the support documentation",
          "request_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
        }
      }
    ],
    "401": [
      {
        "name": "tokenMissing",
        "value": {
          "error_code": "APIG.1000",
          "error_msg": "Token missing",
          "request_id": "5b6c7d8e9f0a1b2c3d4e5f60718293a4"
        }
      },
      {
        "name": "sessionExpired",
        "value": {
          "error_code": "APIG.1001",
          "error_msg": "Session expired",
          "request_id": "6c7d8e9f0a1b2c3d4e5f60718293a4b5"
        }
      },
      {
        "name": "incorrectToken",
        "value": {
          "error_code": "APIG.1002",
          "error_msg": "Incorrect token or token resolution failed",
          "request_id": "7d8e9f0a1b2c3d4e5f60718293a4b5c6"
        }
      },
      {
        "name": "incorrectIamAuthentication",
        "value": {
          "error_code": "APIG.0301",
          "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
          "request_id": "8e9f0a1b2c3d4e5f60718293a4b5c6d7"
        }
      },
      {
        "name": "signatureRejected",
        "value": {
          "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
          "error_code": "APIGW.0301",
          "request_id": "8080d377bffeb6d519b0567c09cebe6b"
        }
      }
    ],
    "429": [
      {
        "name": "throttled",
        "value": {
          "error_msg": "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 second",
          "error_code": "APIGW.0308",
          "request_id": "2d7f4b1e9a0c48d3b6e5f1a27c90d8e4"
        }
      }
    ],
    "500": [
      {
        "name": "internalServerError",
        "value": {
          "error_code": "APIG.9999",
          "error_msg": "The system is busy. Please try again later",
          "request_id": "e4f5061728394a5b6c7d8e9fa0b1c2d3"
        }
      }
    ]
  },
  "getPurchasedGroup": {
    "200": [
      {
        "name": "seedDetail",
        "value": {
          "id": "3f30d49b-220f-4b11-9e94-c2fd3c1cc587",
          "group_id": "73c58022-f20d-495a-a188-85d718647f09",
          "group_name": "api_group_001",
          "group_remark": "API group 001",
          "group_domains": [
            "test.market.example.com"
          ],
          "quota_used": 0,
          "quota_left": 2000000000,
          "order_time": "2018-01-02T10:51:26Z",
          "start_time": "2018-01-01T00:00:00Z",
          "expire_time": "2019-01-01T00:00:00Z",
          "app_key": "0e242685-661d-4254-a8bb-be9a92b04785",
          "app_secret": "******"
        }
      }
    ],
    "400": [
      {
        "name": "parameterError",
        "value": {
          "error_code": "APIG.2000",
          "error_msg": "Parameter error",
          "request_id": "8c2ab1f0d8e34a2fb5e0a6b7c1d2e3f4"
        }
      },
      {
        "name": "invalidParameterValue",
        "value": {
          "error_code": "APIG.2012",
          "error_msg": "Invalid parameter value,parameterName:page_size. Please refer to the support documentation",
          "request_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
        }
      }
    ],
    "401": [
      {
        "name": "tokenMissing",
        "value": {
          "error_code": "APIG.1000",
          "error_msg": "Token missing",
          "request_id": "5b6c7d8e9f0a1b2c3d4e5f60718293a4"
        }
      },
      {
        "name": "sessionExpired",
        "value": {
          "error_code": "APIG.1001",
          "error_msg": "Session expired",
          "request_id": "6c7d8e9f0a1b2c3d4e5f60718293a4b5"
        }
      },
      {
        "name": "incorrectToken",
        "value": {
          "error_code": "APIG.1002",
          "error_msg": "Incorrect token or token resolution failed",
          "request_id": "7d8e9f0a1b2c3d4e5f60718293a4b5c6"
        }
      },
      {
        "name": "incorrectIamAuthentication",
        "value": {
          "error_code": "APIG.0301",
          "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
          "request_id": "8e9f0a1b2c3d4e5f60718293a4b5c6d7"
        }
      },
      {
        "name": "signatureRejected",
        "value": {
          "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
          "error_code": "APIGW.0301",
          "request_id": "8080d377bffeb6d519b0567c09cebe6b"
        }
      }
    ],
    "403": [
      {
        "name": "methodNotPermitted",
        "value": {
          "error_code": "APIG.1005",
          "error_msg": "No permissions to request this method",
          "request_id": "9f0a1b2c3d4e5f60718293a4b5c6d7e8"
        }
      },
      {
        "name": "insufficientPermissions",
        "value": {
          "error_code": "APIG.1020",
          "error_msg": "Insufficient permissions",
          "request_id": "a0b1c2d3e4f5061728394a5b6c7d8e9f"
        }
      },
      {
        "name": "subscriptionNotPermitted",
        "value": {
          "error_code": "APIG.1111",
          "error_msg": "No permissions to access this subscription record",
          "request_id": "b1c2d3e4f5061728394a5b6c7d8e9fa0"
        }
      }
    ],
    "404": [
      {
        "name": "subscriptionNotFound",
        "value": {
          "error_code": "APIG.3014",
          "error_msg": "The subscription record does not exist",
          "request_id": "c2d3e4f5061728394a5b6c7d8e9fa0b1"
        }
      },
      {
        "name": "apiGroupNotFound",
        "value": {
          "error_code": "APIG.3001",
          "error_msg": "The API group does not exist",
          "request_id": "d3e4f5061728394a5b6c7d8e9fa0b1c2"
        }
      }
    ],
    "429": [
      {
        "name": "throttled",
        "value": {
          "error_msg": "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 second",
          "error_code": "APIGW.0308",
          "request_id": "2d7f4b1e9a0c48d3b6e5f1a27c90d8e4"
        }
      }
    ]
  },
  "listPurchasedApis": {
    "200": [
      {
        "name": "seedApiList",
        "value": {
          "total": 3,
          "size": 3,
          "apis": [
            {
              "id": "cb498965-8acf-4c98-bd08-4033ef1fcfb4",
              "name": "查询环境列表",
              "purchase_id": "730f8a84-c8db-45ba-a6a5-2669ceb08574",
              "remark": "查询环境列表",
              "req_uri": "/envs"
            },
            {
              "id": "5bbc47e2-95b0-4a56-904e-a3cdc422f8e9",
              "name": "查询分组列表",
              "purchase_id": "2ae11f50-3938-4560-8b76-58e89bb3f825",
              "remark": "查询分组列表",
              "req_uri": "/groups"
            },
            {
              "id": "6632a062-9dcf-4f18-9646-3cabb925a290",
              "name": "查询API列表",
              "purchase_id": "2ae11f50-3938-4560-8b76-58e89bb3f825",
              "remark": "查询API列表",
              "req_uri": "/apis"
            }
          ]
        }
      },
      {
        "name": "emptyApiList",
        "value": {
          "total": 0,
          "size": 0,
          "apis": []
        }
      }
    ],
    "400": [
      {
        "name": "parameterError",
        "value": {
          "error_code": "APIG.2000",
          "error_msg": "Parameter error",
          "request_id": "8c2ab1f0d8e34a2fb5e0a6b7c1d2e3f4"
        }
      },
      {
        "name": "invalidParameterValue",
        "value": {
          "error_code": "APIG.2012",
          "error_msg": "Invalid parameter value,parameterName:page_size. Please refer to the support documentation",
          "request_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
        }
      }
    ],
    "401": [
      {
        "name": "tokenMissing",
        "value": {
          "error_code": "APIG.1000",
          "error_msg": "Token missing",
          "request_id": "5b6c7d8e9f0a1b2c3d4e5f60718293a4"
        }
      },
      {
        "name": "sessionExpired",
        "value": {
          "error_code": "APIG.1001",
          "error_msg": "Session expired",
          "request_id": "6c7d8e9f0a1b2c3d4e5f60718293a4b5"
        }
      },
      {
        "name": "incorrectToken",
        "value": {
          "error_code": "APIG.1002",
          "error_msg": "Incorrect token or token resolution failed",
          "request_id": "7d8e9f0a1b2c3d4e5f60718293a4b5c6"
        }
      },
      {
        "name": "incorrectIamAuthentication",
        "value": {
          "error_code": "APIG.0301",
          "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
          "request_id": "8e9f0a1b2c3d4e5f60718293a4b5c6d7"
        }
      },
      {
        "name": "signatureRejected",
        "value": {
          "error_msg": "Incorrect IAM authentication information: verify aksk signature fail",
          "error_code": "APIGW.0301",
          "request_id": "8080d377bffeb6d519b0567c09cebe6b"
        }
      }
    ],
    "429": [
      {
        "name": "throttled",
        "value": {
          "error_msg": "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 second",
          "error_code": "APIGW.0308",
          "request_id": "2d7f4b1e9a0c48d3b6e5f1a27c90d8e4"
        }
      }
    ],
    "500": [
      {
        "name": "internalServerError",
        "value": {
          "error_code": "APIG.9999",
          "error_msg": "The system is busy. Please try again later",
          "request_id": "e4f5061728394a5b6c7d8e9fa0b1c2d3"
        }
      }
    ]
  }
};

/** The gateway's answer to a path it has no API for (ApigError's x-unrouted-error). */
export const unroutedError = {
  "error_code": "APIGW.0101",
  "error_msg": "The API does not exist or has not been published in the environment",
  "request_id": "5c1e0f2a9b7d4e6f8a3b2c1d0e9f8a7b"
};

export const fields = {
  "PurchaseBase": {
    "id": {
      "type": "string"
    },
    "group_id": {
      "type": "string"
    },
    "group_name": {
      "type": "string"
    },
    "group_remark": {
      "type": "string"
    },
    "order_time": {
      "type": "string",
      "format": "date-time"
    },
    "start_time": {
      "type": "string",
      "format": "date-time"
    },
    "expire_time": {
      "type": "string",
      "format": "date-time"
    },
    "quota_left": {
      "type": "integer"
    },
    "quota_used": {
      "type": "integer"
    },
    "app_key": {
      "type": "string"
    },
    "app_secret": {
      "type": "string"
    }
  },
  "PurchasedGroupSummary": {
    "id": {
      "type": "string"
    },
    "group_id": {
      "type": "string"
    },
    "group_name": {
      "type": "string"
    },
    "group_remark": {
      "type": "string"
    },
    "order_time": {
      "type": "string",
      "format": "date-time"
    },
    "start_time": {
      "type": "string",
      "format": "date-time"
    },
    "expire_time": {
      "type": "string",
      "format": "date-time"
    },
    "quota_left": {
      "type": "integer"
    },
    "quota_used": {
      "type": "integer"
    },
    "app_key": {
      "type": "string"
    },
    "app_secret": {
      "type": "string"
    },
    "group_domains": {
      "type": "array",
      "items": "string"
    }
  },
  "PurchasedGroupList": {
    "total": {
      "type": "integer"
    },
    "size": {
      "type": "integer"
    },
    "purchases": {
      "type": "array",
      "items": "any"
    }
  },
  "ApigError": {
    "error_code": {
      "type": "string"
    },
    "error_msg": {
      "type": "string"
    },
    "request_id": {
      "type": "string"
    }
  },
  "PurchasedGroup": {
    "id": {
      "type": "string"
    },
    "group_id": {
      "type": "string"
    },
    "group_name": {
      "type": "string"
    },
    "group_remark": {
      "type": "string"
    },
    "order_time": {
      "type": "string",
      "format": "date-time"
    },
    "start_time": {
      "type": "string",
      "format": "date-time"
    },
    "expire_time": {
      "type": "string",
      "format": "date-time"
    },
    "quota_left": {
      "type": "integer"
    },
    "quota_used": {
      "type": "integer"
    },
    "app_key": {
      "type": "string"
    },
    "app_secret": {
      "type": "string"
    },
    "group_domains": {
      "type": "array",
      "items": "string"
    }
  },
  "PurchasedApi": {
    "id": {
      "type": "string"
    },
    "name": {
      "type": "string"
    },
    "purchase_id": {
      "type": "string"
    },
    "remark": {
      "type": "string"
    },
    "req_uri": {
      "type": "string"
    }
  },
  "PurchasedApiList": {
    "total": {
      "type": "integer"
    },
    "size": {
      "type": "integer"
    },
    "apis": {
      "type": "array",
      "items": "object"
    }
  }
};
