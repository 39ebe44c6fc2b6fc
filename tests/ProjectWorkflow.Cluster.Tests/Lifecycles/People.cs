using System.Collections.Concurrent;
using ProjectWorkflow.Cluster.Tests.Operations;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>
/// The people of a lifecycle run, each signed in once (a token from one node is good on the other), reaching either
/// node as a balancer would send them: turn by turn to A or B, and to B alone while A is down. A request cut off by
/// A's death asks again (see <see cref="Operations.PatientClient.SendAsync"/>) and goes to B; once A is back, at its
/// new address, it takes its turns again.
/// </summary>
public sealed class People : IDisposable
{
    /// <summary>
    /// Applicant, district reviewer, the expert pool, department approver, finance officer, administrator, auditor, and the
    /// demo voucher provider's user: each a different person. Others join later (<see cref="JoinAsync"/>).
    /// </summary>
    public static readonly string[] Everyone =
        ["enterprise1", "reviewer1", "expert1", "expert2", "expert3", "expert4", "expert5", "expert6", "expert7", "expert8", "expert9", "approver1", "finance1", "admin1", "auditor1",
            "provider1"];

    public static readonly string[] Experts = [.. Everyone.Where(u => u.StartsWith("expert", StringComparison.Ordinal))];

    private readonly TwoNodes _cluster;
    private readonly ConcurrentDictionary<string, string> _tokens;
    private readonly ConcurrentDictionary<(Uri Node, string User), HttpClient> _clients = new();
    private volatile bool _aServes = true;

    private People(TwoNodes cluster, ConcurrentDictionary<string, string> tokens)
    {
        _cluster = cluster;
        _tokens = tokens;
    }

    /// <summary>Everyone signs in on node B (before any test moves the clock: tokens are checked on the machine's time).</summary>
    public static async Task<People> SignInAsync(TwoNodes cluster)
    {
        var tokens = new ConcurrentDictionary<string, string>();
        foreach (var user in Everyone)
        {
            using var client = await cluster.B.CreateClientForAsync(user);
            tokens[user] = client.DefaultRequestHeaders.Authorization!.Parameter!;
        }
        return new People(cluster, tokens);
    }

    /// <summary>A person whose account was created during the run (a provider's user) signs in on node B, before the clock moves.</summary>
    public async Task JoinAsync(string user, string password)
    {
        using var client = await _cluster.B.CreateClientForAsync(user, password);
        _tokens[user] = client.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    /// <summary><paramref name="user"/>'s client for its <paramref name="turn"/>: even turns on A (while A serves), odd ones on B.</summary>
    public Func<HttpClient> On(string user, int turn) => () => turn % 2 == 0 && _aServes ? Client(_cluster.A, user) : Client(_cluster.B, user);

    public HttpClient Client(ClusterNode node, string user) => _clients.GetOrAdd((node.BaseAddress, user), key => node.CreateClient(_tokens[key.User]));

    /// <summary>
    /// Node A is killed (SIGKILL) the moment a write of <paramref name="patient"/>'s is on its way to it (or after 10 s
    /// without one), so the kill cuts work off: the turns of A go to B until <see cref="AIsBackAsync"/>.
    /// </summary>
    public async Task ADiesMidRequestAsync(PatientClient patient)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (patient.WritesInFlightTo(_cluster.A.BaseAddress) == 0 && DateTime.UtcNow < until) await Task.Delay(1);
        _aServes = false;
        _cluster.A.Kill();
    }

    public async Task AIsBackAsync()
    {
        await _cluster.A.StartAsync();
        _aServes = true;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
    }
}
