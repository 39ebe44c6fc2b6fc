namespace ProjectWorkflow.Application.Enterprises;

public sealed record EnterpriseView(Guid Id, string Uscc, string Name, string Address, IReadOnlyList<string> Members, DateTimeOffset RegisteredAt);

public sealed record RegisterEnterpriseRequest(string? Uscc, string? Name, string? Address);
