using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Identity;

/// <summary>
/// The role names of the public contract. BPMN candidate groups use these names too,
/// optionally with a suffix (<c>district-reviewer:pudong</c>), so they never change.
/// </summary>
public static class Roles
{
    public const string Enterprise = "enterprise";
    public const string DistrictReviewer = "district-reviewer";
    public const string Expert = "expert";
    public const string DeptApprover = "dept-approver";
    public const string Finance = "finance";
    public const string Provider = "provider";
    public const string Admin = "admin";
    public const string Auditor = "auditor";

    /// <summary>A machine: a Camunda external-task worker that fetches, locks and completes service tasks (never a person).</summary>
    public const string Worker = "worker";

    public static readonly IReadOnlyList<string> All =
    [
        Enterprise, DistrictReviewer, Expert, DeptApprover, Finance, Provider, Admin, Auditor, Worker,
    ];

    /// <summary>The fund's staff: reviewers, approvers, finance, administrators, auditors (not enterprises, experts or providers).</summary>
    public static readonly IReadOnlyList<string> Staff = [DistrictReviewer, DeptApprover, Finance, Admin, Auditor];

    /// <summary>Staff who act on files: auditors read, they do not push work along.</summary>
    public static readonly IReadOnlyList<string> ActingStaff = [DistrictReviewer, DeptApprover, Finance, Admin];

    public static bool IsStaff(Actor actor) => Staff.Any(actor.Groups.Contains);
}
