namespace ProjectWorkflow.Application.Workflows.ExternalTasks;

public sealed record ExternalTaskCount(int Count);

/// <summary><c>GET /engine-rest/external-task/count</c>: how many external tasks the query of <see cref="ListExternalTasks"/> matches.</summary>
public sealed class CountExternalTasks(ListExternalTasks list)
{
    public async Task<ExternalTaskCount> HandleAsync(ExternalTaskQuery query, CancellationToken cancellationToken) =>
        new((await list.MatchingAsync(query, cancellationToken)).Count());
}
