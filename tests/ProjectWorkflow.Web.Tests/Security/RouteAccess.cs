namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>What a route does for a caller who is not allowed, when it takes an object of another enterprise.</summary>
public enum OtherEnterprise
{
    /// <summary>The route takes no enterprise's object (or the object is not an enterprise's): nothing to check.</summary>
    NotApplicable,
    /// <summary>Enterprise1 calling it with enterprise2's object is refused: 403, or 404 ("no such object for you").</summary>
    Refused,
}

/// <summary>
/// One line per route: who may call it. <c>Allowed</c> lists roles (space-separated), or the shorthands
/// <c>everyone</c> (anonymous included), <c>signed-in</c> (every role) and <c>staff</c> (reviewer, approver,
/// finance, admin, auditor: the fund's staff). Anyone not listed must be refused: 401 when anonymous, 403 otherwise.
/// </summary>
public sealed record RouteAccess(string Route, string Allowed, OtherEnterprise Other = OtherEnterprise.NotApplicable)
{
    public static readonly string[] Roles = ["enterprise", "reviewer", "expert", "approver", "finance", "provider", "admin", "auditor", "worker"];

    private static readonly Dictionary<string, string[]> Shorthands = new()
    {
        ["everyone"] = ["anonymous", .. Roles],
        ["signed-in"] = Roles,
        ["staff"] = ["reviewer", "approver", "finance", "admin", "auditor"],
    };

    public bool Allows(string role) =>
        Allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(t => Shorthands.GetValueOrDefault(t, [t])).Contains(role);

    /// <summary>The demo user who plays each role.</summary>
    public static string UserOf(string role) => role switch
    {
        "anonymous" => "anonymous",
        "enterprise" => "enterprise1",
        "reviewer" => "reviewer1",
        "expert" => "expert1",
        "approver" => "approver1",
        "finance" => "finance1",
        "provider" => "provider1",
        "admin" => "admin1",
        "auditor" => "auditor1",
        "worker" => "worker1",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role of the matrix"),
    };
}

/// <summary>
/// THE ROUTE MATRIX. Every route of the app (from its endpoint list) needs exactly one line here; a new route
/// without one fails <see cref="RouteMatrixTests"/>. Add yours as: R("METHOD /pattern as routed", "roles", other).
/// </summary>
public static class RouteMatrix
{
    private static RouteAccess R(string route, string allowed, OtherEnterprise other = OtherEnterprise.NotApplicable) =>
        new(route, allowed, other);

    private const OtherEnterprise Refused = OtherEnterprise.Refused;

    public static readonly RouteAccess[] Rows =
    [
        // Portal pages and the framework's own routes
        R("GET /",                                                           "signed-in"),
        R("GET /account/login",                                              "everyone"),
        R("POST /account/login",                                             "everyone"),
        R("POST /account/logout",                                            "everyone"),
        R("POST /account/language",                                          "everyone"),
        R("GET /finance/",                                                   "finance admin auditor"),
        R("POST /finance/payment-orders/{id:guid}/approve",                  "finance"),
        R("POST /finance/recoveries/{id:guid}/received",                     "finance"),
        R("POST /finance/voucher-settlements/{id:guid}/release",             "finance"),
        R("GET /portal/notifications/",                                      "signed-in"),
        R("POST /portal/notifications/read-all",                             "signed-in"),
        // 代理: one's own deputies; naming one is for the fund's acting staff (others see the page, and the refusal).
        R("GET /portal/deputies/",                                           "signed-in"),
        R("POST /portal/deputies/",                                          "reviewer approver finance admin"),
        R("POST /portal/deputies/{id:guid}/end",                             "signed-in"),
        R("GET /portal/applications/",                                       "enterprise staff"),
        R("GET /portal/applications/{id:guid}",                              "enterprise staff", Refused),
        R("GET /portal/applications/new",                                    "enterprise"),
        R("POST /portal/applications/new",                                   "enterprise"),
        R("GET /portal/applications/{id:guid}/edit",                         "enterprise", Refused),
        R("GET /portal/enterprise/",                                         "enterprise"),
        R("POST /portal/enterprise/register",                                "enterprise"),
        R("POST /portal/enterprise/invitations",                             "enterprise"),
        R("POST /portal/enterprise/invitations/{id:guid}/accept",            "enterprise"),
        R("POST /portal/enterprise/bank-accounts",                           "enterprise"),
        R("GET /portal/applications/{id:guid}/project",                      "enterprise", Refused),
        R("POST /portal/applications/{id:guid}/supplement",                  "enterprise", Refused),
        R("POST /portal/applications/{id:guid}/agreement",                   "enterprise", Refused),
        R("POST /portal/applications/{id:guid}/progress-reports",            "enterprise", Refused),
        R("POST /portal/applications/{id:guid}/change-requests",             "enterprise", Refused),
        R("POST /portal/applications/{id:guid}/acceptance",                  "enterprise", Refused),
        R("GET /portal/tasks/",                                              "signed-in"),
        R("GET /portal/tasks/{id:guid}",                                     "signed-in"),
        R("POST /portal/tasks/{id:guid}/claim",                              "signed-in"),
        R("POST /portal/tasks/{id:guid}/operations",                         "signed-in"),
        // An attachment previewed in a page: whoever may read the application (experts only declared, on its panel).
        R("GET /portal/applications/{id:guid}/attachments/{attachmentId:guid}/preview", "enterprise staff", Refused),
        // The expert's panel page and its forms: experts on the file's panel only (the matrix's file has no panel yet).
        R("GET /portal/panel/{id:guid}/",                                    ""),
        R("POST /portal/panel/{id:guid}/declaration",                        ""),
        R("POST /portal/panel/{id:guid}/scores",                             ""),
        R("GET /portal/admin/schemes",                                       "admin auditor"),
        R("GET /portal/admin/schemes/{key}/rule-sets/new",                   "admin"),
        R("POST /portal/admin/schemes/{key}/rule-sets",                      "admin"),
        R("GET /portal/admin/budgets",                                       "admin auditor"),
        R("POST /portal/admin/budgets",                                      "admin"),
        R("GET /portal/admin/users",                                         "admin auditor"),
        R("POST /portal/admin/users",                                        "admin"),
        R("POST /portal/admin/users/{userName}/disable",                     "admin"),
        R("POST /portal/admin/users/{userName}/enable",                      "admin"),
        R("POST /portal/admin/users/{userName}/password-reset",              "admin"),
        R("POST /portal/admin/users/{userName}/roles",                       "admin"),
        R("GET /portal/admin/experts",                                       "admin auditor"),
        R("POST /portal/admin/experts",                                      "admin"),
        R("POST /portal/admin/experts/{expert}/relations",                   "admin"),
        R("POST /portal/admin/incidents/move",                                "admin"),
        R("GET /portal/admin/providers",                                     "admin auditor"),
        R("POST /portal/admin/providers/{id:guid}/vet",                      "admin"),
        R("POST /portal/admin/providers/{id:guid}/suspend",                  "admin"),
        R("POST /portal/admin/providers/{id:guid}/reinstate",                "admin"),
        R("GET /portal/admin/calendar",                                      "admin auditor"),
        R("POST /portal/admin/calendar/{year:int}",                          "admin"),
        R("GET /portal/admin/incidents",                                     "admin auditor"),
        R("POST /portal/admin/incidents/{id:guid}/retry",                    "admin"),
        R("GET /portal/vouchers/",                                           "enterprise provider staff"),
        R("POST /portal/vouchers/quotas",                                    "enterprise"),
        R("POST /portal/vouchers/orders",                                    "enterprise"),
        R("POST /portal/vouchers/orders/{id:guid}/answer",                   "provider"),
        R("POST /portal/vouchers/orders/{id:guid}/delivery",                 "provider"),
        R("POST /portal/vouchers/orders/{id:guid}/confirmation",             "enterprise"),
        R("POST /portal/vouchers/claims",                                    "provider"),
        R("POST /portal/vouchers/services",                                  "provider"),
        R("GET /portal/vouchers/rule-sets/{schemeKey}/new",                  "admin"),
        R("POST /portal/vouchers/rule-sets/{schemeKey}",                     "admin"),
        R("GET /portal/vouchers/decisions",                                  "approver admin auditor"),
        R("POST /portal/vouchers/quotas/{id:guid}/decision",                 "approver"),
        R("POST /portal/vouchers/claims/{id:guid}/review",                   "approver"),
        R("GET /portal/audit",                                               "admin auditor"),
        R("GET /portal/search",                                              "admin auditor"),
        R("GET /notice",                                                     "everyone"),
        R("GET /portal/instances/{id:guid}",                                 "staff"),
        R("POST /portal/instances/{id:guid}/incidents/{incidentId:guid}/retry", "admin"),
        R("GET /portal/designer/",                                           "admin"),
        R("GET /portal/designer/new",                                        "admin"),
        R("GET /portal/designer/{key}/versions/{version:int}",               "admin"),
        R("GET /portal/designer/{key}/diff",                                 "admin"),
        R("GET /portal/designer/{key}/draft",                                "admin"),
        R("POST /portal/designer/{key}/versions/{version:int}/approve",      "admin"),
        R("GET /portal/dashboards/fund",                                     "staff"),
        R("GET /portal/dashboards/processes/{key}",                          "staff"),
        R("GET /api/dashboards/fund",                                        "staff"),
        R("GET /api/dashboards/fund.xlsx",                                   "staff"),
        R("GET /portal/schemes/{key}/changes",                               "staff"),
        R("GET /hangfire/{**path}",                                          "admin"),
        R("GET /health/live",                                                "everyone"),
        R("GET /health/ready",                                               "everyone"),
        R("GET /openapi/{documentName}.json",                                "everyone"),
        R("GET /scalar/favicon.svg",                                         "everyone"),
        R("GET /scalar/scalar.aspnetcore.js",                                "everyone"),
        R("GET /scalar/scalar.js",                                           "everyone"),
        R("GET /scalar/{documentName?}",                                     "everyone"),

        // Sign-in and who I am
        R("POST /api/auth/token",                                            "everyone"),
        R("GET /api/me",                                                     "signed-in"),
        R("GET /api/users/",                                                 "admin auditor"),
        R("POST /api/users/",                                                "admin"),
        R("POST /api/users/{userName}/disable",                              "admin"),
        R("POST /api/users/{userName}/enable",                               "admin"),
        R("POST /api/users/{userName}/password-reset",                       "admin"),
        R("PUT /api/users/{userName}/roles",                                 "admin"),

        // Applications and their project (the applicant's enterprise; the staff read)
        R("GET /api/applications/",                                          "signed-in"),
        R("POST /api/applications/",                                         "enterprise"),
        R("GET /api/applications/{id:guid}",                                 "enterprise staff", Refused),
        R("PUT /api/applications/{id:guid}",                                 "enterprise", Refused),
        R("POST /api/applications/{id:guid}/attachments",                    "enterprise", Refused),
        R("GET /api/applications/{id:guid}/attachments/{attachmentId:guid}", "enterprise staff", Refused),
        R("POST /api/applications/{id:guid}/submit",                         "enterprise", Refused),
        R("DELETE /api/applications/{id:guid}",                              "enterprise", Refused),
        R("POST /api/applications/{id:guid}/withdraw",                       "enterprise", Refused),
        R("GET /api/applications/{id:guid}/project",                         "enterprise staff", Refused),
        R("POST /api/applications/{id:guid}/agreement",                      "enterprise", Refused),
        R("POST /api/applications/{id:guid}/progress-reports",               "enterprise", Refused),
        R("POST /api/applications/{id:guid}/change-requests",                "enterprise", Refused),
        R("POST /api/applications/{id:guid}/interest-evidence",              "enterprise", Refused),
        R("POST /api/applications/{id:guid}/change-requests/{changeRequestId:guid}/decision", "approver"),
        R("POST /api/applications/{id:guid}/acceptance",                     "enterprise", Refused),
        R("POST /api/applications/{id:guid}/acceptance/review",              "approver"),
        R("POST /api/applications/{id:guid}/evaluation",                     "approver"),
        R("POST /api/applications/{id:guid}/recovery",                       "approver"),
        R("GET /api/applications/{id:guid}/panel",                           "staff"),
        // Experts on the file's panel only: the matrix's file is at district review and has no panel yet, so no one.
        R("POST /api/applications/{id:guid}/panel/declaration",              ""),
        R("POST /api/applications/{id:guid}/panel/scores",                   ""),
        // Batch review: each task is checked as its own completion would be (the answer lists a refusal per task).
        R("POST /api/tasks/batch/complete",                                  "signed-in"),
        R("GET /api/applications/{id:guid}/timeline",                        "enterprise staff", Refused),
        R("GET /api/applications/{id:guid}/objections",                      "enterprise staff", Refused),
        R("POST /api/applications/{id:guid}/objections",                     "signed-in"),

        // The expert pool: administrators keep it, the department (who adds experts when a panel runs short) and auditors read it
        R("GET /api/experts/",                                               "approver admin auditor"),
        R("PUT /api/experts/{expert}",                                       "admin"),
        R("POST /api/experts/{expert}/relations",                            "admin"),
        R("DELETE /api/experts/{expert}/relations/{id:long}",              "admin"),

        // Enterprises
        R("GET /api/enterprises/",                                           "staff"),
        R("POST /api/enterprises/",                                          "enterprise"),
        R("GET /api/enterprises/mine",                                       "signed-in"),
        R("GET /api/enterprises/{id:guid}",                                  "enterprise staff", Refused),
        R("POST /api/enterprises/mine/bank-accounts",                        "enterprise"),
        R("GET /api/enterprises/bank-accounts/pending",                      "finance admin"),
        R("GET /api/enterprises/{id:guid}/bank-accounts",                    "enterprise staff", Refused),
        R("POST /api/enterprises/{id:guid}/bank-accounts/{accountId:guid}/decision", "finance admin"),
        R("GET /api/enterprises/{id:guid}/credit-sanctions",                 "enterprise staff", Refused),
        R("POST /api/credit-sanctions/",                                     "admin"),
        R("GET /api/credit-sanctions/",                                      "staff"),

        // The project pool's register: staff read it, administrators and district reviewers import it
        R("GET /api/project-pool/",                                          "staff"),
        R("POST /api/project-pool/imports",                                  "reviewer admin"),

        // Schemes
        R("GET /api/schemes/",                                               "signed-in"),
        R("GET /api/schemes/{key}",                                          "signed-in"),
        R("POST /api/schemes/{key}/rule-sets",                               "admin"),
        R("GET /api/schemes/{key}/rule-sets/diff",                           "signed-in"),
        R("GET /api/schemes/{key}/results/{year:int}",                       "staff"),

        // The working-day calendar and the administrators' warnings
        R("GET /api/calendar/{year:int}",                                    "staff"),
        R("PUT /api/calendar/{year:int}",                                    "admin"),
        R("GET /api/admin/warnings",                                         "admin"),

        // The engine: definitions, instances, tasks, messages
        R("GET /api/definitions/",                                           "signed-in"),
        R("POST /api/definitions/",                                          "admin"),
        R("POST /api/definitions/drafts",                                    "admin"),
        R("GET /api/definitions/{key}/draft",                                "admin"),
        R("GET /api/definitions/{key}/versions/{version:int}",               "signed-in"),
        R("GET /api/definitions/pending",                                    "admin auditor"),
        // A second administrator reviews a waiting version (the deployer is refused: FourEyesDeploymentTests).
        R("POST /api/definitions/{key}/versions/{version:int}/approve",      "admin"),
        R("POST /api/definitions/{key}/versions/{version:int}/reject",       "admin"),
        R("POST /api/instances/",                                            "admin"),
        // The raw file is for the fund's staff with a part in it (the reviewer of this district review) and admins and auditors.
        R("GET /api/instances/{id:guid}",                                    "reviewer admin auditor", Refused),
        R("GET /api/instances/{id:guid}/journal",                            "reviewer admin auditor", Refused),
        R("POST /api/instances/{id:guid}/cancel",                            "admin"),
        R("POST /api/instances/{id:guid}/terminate",                         "admin approver"),
        R("POST /api/instances/{id:guid}/migrate",                           "admin"),
        // Moving a token (跳转) and retrying incidents are the operators' repairs; auditors read what is stuck.
        R("POST /api/instances/{id:guid}/modify",                            "admin"),
        R("GET /api/incidents/",                                             "admin auditor"),
        R("POST /api/incidents/{id:guid}/retry",                             "admin"),
        R("POST /api/instances/{id:guid}/withdraw",                          "signed-in"),
        // Reopening an ended instance (唤醒) is an operator's act, like moving a token.
        R("POST /api/instances/{id:guid}/reopen",                            "admin"),
        // One's own deputies (代理): anyone reads theirs; the fund's acting staff name one; 离职转办 is an administrator's act.
        R("GET /api/me/deputies/",                                           "signed-in"),
        R("POST /api/me/deputies/",                                          "reviewer approver finance admin"),
        R("DELETE /api/me/deputies/{id:guid}",                               "signed-in"),
        R("POST /api/users/{userName}/hand-over-tasks",                      "admin"),
        // Any role may try; which names a role may deliver is declared per name (MessageSendersTests, ForgedBankAnswerTests).
        R("POST /api/messages",                                              "signed-in"),
        // A signal reaches every instance that waits for it: an operator's act, as Camunda's POST /signal.
        R("POST /api/signals",                                               "admin"),
        // Task operations refuse an outsider with 403 before looking at the body or the task's state (TaskCommand).
        // In this order: the reviewer claims the file's task, presses the holder's buttons (each refused for its empty
        // body), releases it and completes it last.
        R("GET /api/tasks/",                                                 "signed-in"),
        // A task's form: whoever may see the task (its candidates and holder), administrators and auditors.
        R("GET /api/tasks/{id:guid}/form",                                   "reviewer admin auditor", Refused),
        // A form-js schema holds labels and rules, no data: any signed-in user renders it.
        R("GET /api/forms/{formId}",                                         "signed-in"),
        R("POST /api/tasks/{id:guid}/claim",                                 "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/delegate",                              "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/transfer",                              "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/add-signers",                           "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/send-back",                             "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/copy-to",                               "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/resolve",                               "reviewer", Refused),
        // Reminders are sent by acting staff of this stage or of earlier steps, and admins; auditors read, they do not push.
        R("POST /api/tasks/{id:guid}/remind",                                "reviewer admin", Refused),
        // Approval operations (ApprovalEndpoints): vote and draft as complete (the task's candidates and holder); the draft is
        // read by them alone, not by administrators or auditors; removing a signer (减签) is an administrator's act; taking
        // back (拿回) is for the task's sender alone — on the matrix's fresh file nobody has completed a step, so nobody.
        R("POST /api/tasks/{id:guid}/vote",                                  "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/draft",                                 "reviewer", Refused),
        R("GET /api/tasks/{id:guid}/draft",                                  "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/remove-signer",                         "admin", Refused),
        R("POST /api/tasks/{id:guid}/take-back",                             "", Refused),
        R("POST /api/tasks/{id:guid}/unclaim",                               "reviewer", Refused),
        R("POST /api/tasks/{id:guid}/complete",                              "reviewer", Refused),

        // Notifications: one's own inbox
        R("GET /api/notifications/",                                         "signed-in"),
        R("POST /api/notifications/read-all",                                "signed-in"),
        R("POST /api/notifications/{id:guid}/read",                          "signed-in"),

        // The fund ledger
        R("GET /api/ledger/budgets",                                         "finance admin auditor"),
        R("GET /api/ledger/budgets/{schemeKey}/{year:int}",                  "finance admin auditor"),
        R("PUT /api/ledger/budgets/{schemeKey}/{year:int}",                  "admin"),
        R("POST /api/ledger/budgets/{schemeKey}/{year:int}/raise",           "admin"),
        R("GET /api/ledger/entries",                                         "finance admin auditor"),
        R("POST /api/ledger/entries/{id:long}/reverse",                      "finance admin"),
        R("GET /api/ledger/exports/{view}.xlsx",                             "finance admin auditor"),
        R("GET /api/ledger/payment-orders",                                  "finance admin auditor"),
        R("GET /api/ledger/payment-orders/{id:guid}",                        "finance admin auditor"),
        R("POST /api/ledger/payment-orders/{id:guid}/approve",               "finance"),
        R("POST /api/ledger/reconciliations",                                "finance admin"),
        R("GET /api/ledger/recoveries",                                      "finance admin auditor"),
        R("POST /api/ledger/recoveries/{id:guid}/received",                  "finance"),
        R("GET /api/ledger/views/payments-due",                              "finance admin auditor"),
        R("GET /api/ledger/views/payments-in-flight",                        "finance admin auditor"),

        // Vouchers: enterprises their own quotas and orders, providers their own orders and claims, department approvers
        // decide quotas and claims, finance releases settlements, administrators the schemes, budgets, providers' standing
        // and the settlement run; every member of the staff (auditors included) reads.
        R("GET /api/vouchers/schemes",                                       "signed-in"),
        R("POST /api/vouchers/schemes/{schemeKey}/rule-sets",                "admin"),
        R("GET /api/vouchers/budgets",                                       "finance admin auditor"),
        R("PUT /api/vouchers/budgets/{schemeKey}/{year:int}",                "admin"),
        R("POST /api/vouchers/quotas",                                       "enterprise"),
        R("GET /api/vouchers/quotas",                                        "enterprise staff"),
        R("GET /api/vouchers/quotas/{id:guid}",                              "enterprise staff"),
        R("POST /api/vouchers/quotas/{id:guid}/decision",                    "approver"),
        R("POST /api/vouchers/providers",                                    "provider"),
        R("GET /api/vouchers/providers",                                     "enterprise provider staff"),
        R("GET /api/vouchers/providers/{id:guid}",                           "enterprise provider staff"),
        R("POST /api/vouchers/providers/{id:guid}/vet",                      "admin"),
        R("POST /api/vouchers/providers/{id:guid}/suspend",                  "admin"),
        R("POST /api/vouchers/providers/{id:guid}/reinstate",                "admin"),
        R("PUT /api/vouchers/providers/{id:guid}/services",                  "provider"),
        R("POST /api/vouchers/orders",                                       "enterprise"),
        R("GET /api/vouchers/orders",                                        "enterprise provider staff"),
        R("GET /api/vouchers/orders/{id:guid}",                              "enterprise provider staff"),
        R("POST /api/vouchers/orders/{id:guid}/answer",                      "provider"),
        R("POST /api/vouchers/orders/{id:guid}/delivery",                    "provider"),
        R("POST /api/vouchers/orders/{id:guid}/delivery-confirmation",       "enterprise"),
        R("POST /api/vouchers/claims",                                       "provider"),
        R("GET /api/vouchers/claims",                                        "provider staff"),
        R("GET /api/vouchers/claims/{id:guid}",                              "provider staff"),
        R("POST /api/vouchers/claims/{id:guid}/documents",                   "provider"),
        R("POST /api/vouchers/claims/{id:guid}/review",                      "approver"),
        R("GET /api/vouchers/settlements",                                   "provider staff"),
        R("GET /api/vouchers/settlements/{id:guid}",                         "provider staff"),
        R("POST /api/vouchers/settlements/{id:guid}/release",                "finance"),
        R("POST /api/vouchers/settlement-runs",                              "admin"),
        R("GET /api/vouchers/views/{view}",                                  "finance admin auditor"),
        R("GET /api/vouchers/exports/{view}.xlsx",                           "finance admin auditor"),

        // The audit log
        R("GET /api/audit/",                                                 "admin auditor"),
        R("GET /api/audit/verify",                                           "admin auditor"),

        // Camunda's external-task REST API: machine workers (and administrators) fetch, lock and finish service tasks
        R("POST /engine-rest/external-task/fetchAndLock",                    "worker admin"),
        R("POST /engine-rest/external-task/{id:guid}/complete",              "worker admin"),
        R("POST /engine-rest/external-task/{id:guid}/failure",               "worker admin"),
        R("POST /engine-rest/external-task/{id:guid}/bpmnError",             "worker admin"),
        R("POST /engine-rest/external-task/{id:guid}/extendLock",            "worker admin"),
        R("POST /engine-rest/external-task/{id:guid}/unlock",                "worker admin"),
        R("GET /engine-rest/external-task",                                  "worker admin"),
        R("GET /engine-rest/external-task/count",                            "worker admin"),
        R("GET /engine-rest/external-task/{id:guid}",                        "worker admin"),
        R("POST /engine-rest/external-task/{id:guid}/lock",                  "worker admin"),
        R("PUT /engine-rest/external-task/{id:guid}/retries",                "worker admin"),
        R("PUT /engine-rest/external-task/{id:guid}/priority",               "worker admin"),
    ];
}
