using ProjectWorkflow.Application.Identity;

namespace ProjectWorkflow.Application.Seeding;

/// <summary>
/// One demo user per role, and nine experts: a tech-upgrade panel seats 4 technical + 3 financial, with one
/// of each field left to replace a recusal (the pool itself: <see cref="DemoExpertPoolSeed"/>). The password is
/// published in the README: demo data only, seeded when <c>Seed:DemoData</c> is true.
/// </summary>
public static class DemoUsers
{
    public const string Password = "Demo#2026";

    /// <summary>A domain that never receives mail: demo e-mails land in the pickup folder or a test SMTP server.</summary>
    public const string EmailDomain = "demo.projectworkflow.local";

    public sealed record DemoUser(string UserName, string Role, string DisplayName, string Organisation)
    {
        public string Email => $"{UserName}@{EmailDomain}";
    }

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("enterprise1", Roles.Enterprise, "Demo Enterprise Applicant", "Demo Precision Manufacturing Co., Ltd."),
        new("reviewer1", Roles.DistrictReviewer, "Demo District Reviewer", "Pudong District Economic Commission"),
        new("expert1", Roles.Expert, "Demo Expert One", "Expert Pool"),
        new("expert2", Roles.Expert, "Demo Expert Two", "Expert Pool"),
        new("expert3", Roles.Expert, "Demo Expert Three", "Expert Pool"),
        new("expert4", Roles.Expert, "Demo Expert Four", "Expert Pool"),
        new("expert5", Roles.Expert, "Demo Expert Five", "Expert Pool"),
        new("expert6", Roles.Expert, "Demo Expert Six", "Expert Pool"),
        new("expert7", Roles.Expert, "Demo Expert Seven", "Expert Pool"),
        new("expert8", Roles.Expert, "Demo Expert Eight", "Expert Pool"),
        new("expert9", Roles.Expert, "Demo Expert Nine", "Expert Pool"),
        new("approver1", Roles.DeptApprover, "Demo Department Approver", "Municipal Commission of Economy and Informatization"),
        new("finance1", Roles.Finance, "Demo Finance Officer", "Municipal Finance Bureau"),
        new("provider1", Roles.Provider, "Demo Service Provider", "Demo Testing & Certification Services"),
        new("admin1", Roles.Admin, "Demo Administrator", "ProjectWorkflow Operations"),
        // A second administrator: a new version of a process money depends on needs another admin's approval.
        new("admin2", Roles.Admin, "Demo Administrator Two", "ProjectWorkflow Operations"),
        new("auditor1", Roles.Auditor, "Demo Auditor", "Municipal Audit Office"),
        // A machine account for a Camunda external-task worker (README, "External-task workers").
        new("worker1", Roles.Worker, "Demo External-Task Worker", "ProjectWorkflow Operations"),
    ];
}
