package dev.patchbay.scim.dialect;

/**
 * Requests exactly as the IdPs send them, from the documents that /work/shared/reference/idp-clients.md cites.
 * Constants named {@code COMPOSED_…} are not published verbatim anywhere: they put a documented fragment (quoted in
 * idp-clients.md) into a minimal envelope, and say so.
 */
final class IdpRequests {

    private IdpRequests() {
    }

    // ---- Entra ID, tutorial "Develop and plan provisioning for a SCIM endpoint" (idp-clients.md §1.2) ----

    /** Create User (without and with aadOptscim062020). */
    static final String ENTRA_CREATE_USER = """
            {
                "schemas": [
                    "urn:ietf:params:scim:schemas:core:2.0:User",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                "userName": "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
                "active": true,
                "emails": [{
                    "primary": true,
                    "type": "work",
                    "value": "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"
                }],
                "meta": {
                    "resourceType": "User"
                },
                "name": {
                    "formatted": "givenName familyName",
                    "familyName": "familyName",
                    "givenName": "givenName"
                },
                "roles": []
            }""";

    /** Example 2, "Provision a user", with its JSON nulls (and Microsoft's typo "enterprise:2.0User"). */
    static final String ENTRA_PROVISION_USER_EXAMPLE_2 = """
            {
               "schemas":
               [
                 "urn:ietf:params:scim:schemas:core:2.0:User",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
               "externalId":"jyoung",
               "userName":"jyoung@testuser.com",
               "active":true,
               "addresses":null,
               "displayName":"Joy Young",
               "emails": [
                 {
                   "type":"work",
                   "value":"jyoung@Contoso.com",
                   "primary":true}],
               "meta": {
                 "resourceType":"User"},
                "name":{
                 "familyName":"Young",
                 "givenName":"Joy"},
               "phoneNumbers":null,
               "preferredLanguage":null,
               "title":null,
               "department":null,
               "manager":null}""";

    /** Create Group. */
    static final String ENTRA_CREATE_GROUP = """
            {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
                "displayName": "displayName",
                "meta": {
                    "resourceType": "Group"
                }
            }""";

    /** Update User [Multi-valued properties]. */
    static final String ENTRA_UPDATE_USER_MULTI_VALUED = """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [
                        {
                        "op": "Replace",
                        "path": "emails[type eq \\"work\\"].value",
                        "value": "updatedEmail@microsoft.com"
                        },
                        {
                        "op": "Replace",
                        "path": "name.familyName",
                        "value": "updatedFamilyName"
                        }
                ]
            }""";

    /** Disable User (the tutorial's version, boolean value, Operations before schemas). */
    static final String ENTRA_DISABLE_USER_TUTORIAL = """
            {
                "Operations": [
                    {
                        "op": "Replace",
                        "path": "active",
                        "value": false
                    }
                ],
                "schemas": [
                    "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                ]
            }""";

    /** Update Group [Non-member attributes]. */
    static final String ENTRA_RENAME_GROUP = """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "Replace",
                    "path": "displayName",
                    "value": "1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"
                }]
            }""";

    /** Update Group [Add Members]. */
    static final String ENTRA_ADD_MEMBERS = """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "Add",
                    "path": "members",
                    "value": [{
                        "$ref": null,
                        "value": "f648f8d5ea4e4cd38e9c"
                    }]
                }]
            }""";

    /** Update Group [Remove Members] (without aadOptscim062020). */
    static final String ENTRA_REMOVE_MEMBERS_TUTORIAL = """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "Remove",
                    "path": "members",
                    "value": [{
                        "$ref": null,
                        "value": "f648f8d5ea4e4cd38e9c"
                    }]
                }]
            }""";

    /** Example 5, "Request from Microsoft Entra ID to an SCIM endpoint to update a user" (manager). */
    static final String ENTRA_MANAGER_EXAMPLE_5 = """
            {
                "schemas":
                [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations":
                [
                  {
                    "op":"Add",
                    "path":"manager",
                    "value":
                      [
                        {
                          "$ref":"http://.../scim/Users/00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
                          "value":"00aa00aa-bb11-cc22-dd33-44ee44ee44ee"}]}]}""";

    static final String ENTRA_FILTER_USER_NAME = "userName eq \"Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee\"";
    /** Example 1, "Query the service for a matching user". */
    static final String ENTRA_FILTER_EXTERNAL_ID_UNQUOTED = "externalId eq jyoung";
    /** "… both userName eq "user@contoso.com" and emails[type eq "work"].value eq "user@contoso.com" queries". */
    static final String ENTRA_FILTER_WORK_EMAIL = "emails[type eq \"work\"].value eq \"user@contoso.com\"";
    /** Get Group by displayName. */
    static final String ENTRA_FILTER_GROUP_DISPLAY_NAME = "displayName eq \"displayName\"";

    // ---- Entra ID, known-issues page, aadOptscim062020 (idp-clients.md §1.3) ----

    static final String ENTRA_DISABLE_USER_NO_FLAG = """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                  {
                      "op": "Replace",
                      "path": "active",
                      "value": "False"
                  }
              ]
            }""";

    static final String ENTRA_DISABLE_USER_FLAG = """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                  {
                      "op": "replace",
                      "path": "active",
                      "value": false
                  }
              ]
            }""";

    static final String ENTRA_ADD_STRING_NO_FLAG = """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                {
                  "op": "Add",
                  "path": "nickName",
                  "value": "Babs"
                }
              ]
            }""";

    static final String ENTRA_ADD_STRING_FLAG = """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {
                  "op": "add",
                  "path": "nickName",
                  "value": "Babs"
                }
              ]
            }""";

    static final String ENTRA_REPLACE_MULTIPLE_NO_FLAG = """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                  {
                      "op": "Replace",
                      "path": "displayName",
                      "value": "Pvlo"
                  },
                  {
                      "op": "Replace",
                      "path": "emails[type eq \\"work\\"].value",
                      "value": "TestBcwqnm@test.microsoft.com"
                  },
                  {
                      "op": "Replace",
                      "path": "name.givenName",
                      "value": "Gtfd"
                  },
                  {
                      "op": "Replace",
                      "path": "name.familyName",
                      "value": "Pkqf"
                  },
                  {
                      "op": "Replace",
                      "path": "externalId",
                      "value": "Eqpj"
                  },
                  {
                      "op": "Replace",
                      "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
                      "value": "Eqpj"
                  }
              ]
            }""";

    static final String ENTRA_REPLACE_MULTIPLE_FLAG = """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                  {
                      "op": "replace",
                      "path": "emails[type eq \\"work\\"].value",
                      "value": "TestMhvaes@test.microsoft.com"
                  },
                  {
                      "op": "replace",
                      "value": {
                          "displayName": "Bjfe",
                          "name.givenName": "Kkom",
                          "name.familyName": "Unua",
                          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"
                      }
                  }
              ]
            }""";

    static final String ENTRA_REMOVE_MEMBER_NO_FLAG = """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                  {
                      "op": "Remove",
                      "path": "members",
                      "value": [
                          {
                              "value": "u1091"
                          }
                      ]
                  }
              ]
            }""";

    static final String ENTRA_REMOVE_MEMBER_FLAG = """
            {
              "schemas": [
                  "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                  {
                      "op": "remove",
                      "path": "members[value eq \\"7f4bc1a3-285e-48ae-8202-5accb43efb0e\\"]"
                  }
              ]
            }""";

    // ---- Entra ID, customize-application-attributes.md, "Provisioning a role to a SCIM app" ----

    /** SingleAppRoleAssignment, example request (POST). */
    static final String ENTRA_ROLES_SINGLE_POST = """
            {
              "schemas": [
                "urn:ietf:params:scim:schemas:core:2.0:User"
              ],
              "externalId": "alias",
              "userName": "alias@contoso.OnMicrosoft.com",
              "active": true,
              "displayName": "First Name Last Name",
              "meta": {
                "resourceType": "User"
              },
              "roles": [
                {
                  "primary": true,
                  "type": "WindowsAzureActiveDirectoryRole",
                  "value": "Admin"
                }
              ]
            }""";

    /** SingleAppRoleAssignment, example output (PATCH), without aadOptscim062020. */
    static final String ENTRA_ROLES_SINGLE_PATCH = """
            {
              "schemas": [
                "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                {
                  "op": "Add",
                  "path": "roles",
                  "value": [
                    {
                      "value": "{\\"id\\":\\"06b07648-ecfe-589f-9d2f-6325724a46ee\\",\\"value\\":\\"25\\",\\"displayName\\":\\"Role1234\\"}"
                    }
                  ]
                }
              ]
            }""";

    /** AppRoleAssignmentsComplex, example output (PATCH), without aadOptscim062020. */
    static final String ENTRA_ROLES_COMPLEX_PATCH = """
            {
              "schemas": [
                "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                {
                  "op": "Add",
                  "path": "roles",
                  "value": [
                    {
                      "value": "{\\"id\\":\\"06b07648-ecfe-589f-9d2f-6325724a46ee\\",\\"value\\":\\"Admin\\",\\"displayName\\":\\"Admin\\"}"
                    },
                    {
                      "value": "{\\"id\\":\\"06b07648-ecfe-599f-9d2f-6325724a46ee\\",\\"value\\":\\"User\\",\\"displayName\\":\\"User\\"}"
                    }
                  ]
                }
              ]
            }""";

    /** AssertiveAppRoleAssignmentsComplex, example output (PATCH): already strict. */
    static final String ENTRA_ROLES_ASSERTIVE_PATCH = """
            {
              "schemas": [
                "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                {
                  "op": "replace",
                  "path": "roles",
                  "value": [
                    {
                      "primary": false,
                      "type": "WindowsAzureActiveDirectoryRole",
                      "display": "User",
                      "value": "User"
                    },
                    {
                      "primary": false,
                      "type": "WindowsAzureActiveDirectoryRole",
                      "display": "Test",
                      "value": "Test"
                    }
                  ]
                }
              ]
            }""";

    /** Target attribute of a single-role mapping. */
    static final String ENTRA_SINGLE_ROLE_PATH = "roles[primary eq \"True\"].value";

    // ---- Entra ID, fragments quoted in idp-clients.md, in a minimal envelope ----

    /** §1.2 "Enterprise manager sent as a bare string" (SCIM-SDK MsAzurePatchComplexValueRebuilder). */
    static final String COMPOSED_ENTRA_MANAGER_BARE_STRING = """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"271"}
              ]
            }""";

    /** §1.7 SCIM_Update_Manager_Test "remove (Replace with empty)"; Microsoft publishes no body. */
    static final String COMPOSED_ENTRA_MANAGER_REPLACE_WITH_EMPTY = """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}
              ]
            }""";

    /** §1.2 single-role mapping target used as a PATCH path. */
    static final String COMPOSED_ENTRA_SINGLE_ROLE_PATCH = """
            {
              "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations": [
                {"op":"Add","path":"roles[primary eq \\"True\\"].value","value":"Admin"}
              ]
            }""";

    /** §1.3 "The MS Postman test "Post emp1 with string 'True'" also POSTs "active":"True"". */
    static final String COMPOSED_ENTRA_POST_STRING_TRUE = """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "userName": "emp1@contoso.com",
              "active": "True"
            }""";

    /** §1.8 item 15, "null sub-attributes such as "formatted": null inside an address" (better-auth #11015). */
    static final String COMPOSED_ENTRA_POST_ADDRESS_NULLS = """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "userName": "member@example.com",
              "active": true,
              "addresses": [
                {
                  "type": "work",
                  "streetAddress": "44 Montgomery St",
                  "locality": "San Francisco",
                  "region": "CA",
                  "postalCode": "94104",
                  "formatted": null,
                  "country": null
                }
              ]
            }""";

    /** §1.2/§1.8 item 14: custom extension attributes without the extension URN in schemas. */
    static final String COMPOSED_ENTRA_POST_EXTENSION_NOT_LISTED = """
            {
              "schemas": [
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
              ],
              "userName": "bjensen",
              "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User": {
                "CustomAttribute": "701984"
              }
            }""";

    // ---- Okta, SCIM 2.0 Protocol Reference (idp-clients.md §2.1) ----

    /** Determine if the User already exists: {@code filter=userName%20eq%20%22test.user%40okta.local%22}, decoded. */
    static final String OKTA_FILTER_USER_NAME = "userName eq \"test.user@okta.local\"";

    static final String OKTA_CREATE_USER = """
            {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "userName": "test.user@okta.local",
                "name": {
                    "givenName": "Test",
                    "familyName": "User"
                },
                "emails": [{
                    "primary": true,
                    "value": "test.user@okta.local",
                    "type": "work"
                }],
                "displayName": "Test User",
                "locale": "en-US",
                "externalId": "00ujl29u0le5T6Aj10h7",
                "groups": [],
                "password": "1mz050nq",
                "active": true
            }""";

    static final String OKTA_UPDATE_USER_PUT = """
            {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "id": "23a35c27-23d3-4c03-b4c5-6443c09e7173",
                "userName": "test.user@okta.local",
                "name": {
                    "givenName": "Another",
                    "middleName": "Excited",
                    "familyName": "User"
                },
                "emails": [{
                    "primary": true,
                    "value": "test.user@okta.local",
                    "type": "work",
                    "display": "test.user@okta.local"
                }],
                "active": true,
                "groups": [],
                "meta": {
                    "resourceType": "User"
                }
            }""";

    static final String OKTA_DEACTIVATE_USER = """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "replace",
                    "value": {
                        "active": false
                    }
                }]
            }""";

    static final String OKTA_CREATE_GROUP = """
            {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                "displayName": "Test SCIMv2",
                "members": []
            }""";

    static final String OKTA_RENAME_GROUP = """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                    "op": "replace",
                    "value": {
                        "id": "abf4dd94-a4c0-4f67-89c9-76b03340cb9b",
                        "displayName": "Test SCIMv2"
                    }
                }]
            }""";

    static final String OKTA_GROUP_MEMBERSHIP = """
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{
                      "op": "remove",
                      "path": "members[value eq \\"89bb1940-b905-4575-9e7f-6f887cfb368e\\"]"
                    },
                    {
                      "op": "add",
                      "path": "members",
                      "value": [{
                          "value": "23a35c27-23d3-4c03-b4c5-6443c09e7173",
                          "display": "test.user@okta.local"
                    }]
                }]
            }""";

    static final String OKTA_GROUP_FULL_PUSH = """
            {
              "schemas": [
                "urn:ietf:params:scim:api:messages:2.0:PatchOp"
              ],
              "Operations": [
                {
                  "op": "replace",
                  "path": "members",
                  "value": [
                    {
                      "value": "23a35c27-23d3-4c03-b4c5-6443c09e7173",
                      "display": "test.user@okta.local"
                    },
                    {
                      "value": "89bb1940-b905-4575-9e7f-6f887cfb368e",
                      "display": "test.user@okta.local"
                    }
                  ]
                }
              ]
            }""";
}
