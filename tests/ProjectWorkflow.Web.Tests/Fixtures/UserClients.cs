using ProjectWorkflow.Application.Seeding;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>
/// One signed-in client per user (and <see cref="Anonymous"/>), made once and kept for as long as the story or fixture
/// that owns them. Tokens are issued on the story's clock and checked on the machine's, so a token issued after a
/// story moved years ahead would not be valid yet: make the clients before moving time.
/// </summary>
public sealed class UserClients(PortalApp app)
{
    public const string Anonymous = "anonymous";

    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>A client made earlier with <see cref="ForAsync"/>.</summary>
    public HttpClient this[string user] => _clients[user];

    public async Task<HttpClient> ForAsync(string user, string password = DemoUsers.Password) =>
        _clients.TryGetValue(user, out var client) ? client
            : _clients[user] = user == Anonymous ? app.CreateAnonymousClient() : await app.CreateClientForAsync(user, password);
}
