namespace ProjectWorkflow.Application.Users;

public sealed record UserSummary(string Id, string UserName, string DisplayName, string? Organisation, IReadOnlyList<string> Roles, string? Email = null);
