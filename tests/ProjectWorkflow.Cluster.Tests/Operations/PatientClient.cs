using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProjectWorkflow.Cluster.Tests.Operations;

/// <summary>
/// A client behaving as the operations guide tells API clients to: every state-changing request carries its own
/// <c>Idempotency-Key</c>; a 503 is waited out for its <c>Retry-After</c> and the same request sent again with the same
/// key, and so is a 409 "Request already in progress" (an earlier attempt's reservation). It records what an outage
/// showed it: how many 503s, and every answer that was not a clean one (a 5xx other than 503, a 503 without
/// <c>Retry-After</c> or not problem+json).
/// </summary>
public sealed class PatientClient
{
    /// <summary>The title of a 409 for a key whose request was committed but whose response was lost: it is never run again.</summary>
    public const string CarriedOut = "Request already carried out";

    private const string InProgress = "Request already in progress";
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(4);
    private readonly ConcurrentDictionary<Uri, int> _inFlight = new();
    private int _unavailable;
    private int _cutOff;

    public int Unavailable => _unavailable;

    /// <summary>Requests whose connection broke or timed out before an answer (sent again with their key).</summary>
    public int CutOff => _cutOff;

    public ConcurrentQueue<string> Faults { get; } = new();

    /// <summary>How many writes (requests other than reads) to the node at <paramref name="node"/> are on their way now: sent, not yet answered.</summary>
    public int WritesInFlightTo(Uri node) => _inFlight.GetValueOrDefault(node);

    /// <summary>
    /// Sends until the request gets an answer that is not "wait" (503, 409 in progress). With <paramref name="retryLostRaces"/>
    /// a 409 that lost a race with another node (the app changed nothing and stored that answer under the key) is tried
    /// again under a new key, as a person would on "Reload it and try again" — never a 409 <see cref="CarriedOut"/>, which
    /// is returned.
    /// </summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body = null, bool retryLostRaces = false) =>
        SendAsync(() => client, HttpMethod.Post, url, () => JsonContent.Create(body ?? new { }), retryLostRaces);

    /// <summary>
    /// <see cref="PostAsync(HttpClient, string, object?, bool)"/> for any method and body, asking <paramref name="client"/>
    /// again before every attempt: a request cut off by a node's death is sent again to a node that is up (the way a
    /// balancer sends it), with the same key.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpClient> client, HttpMethod method, string url, Func<HttpContent> content, bool retryLostRaces = false)
    {
        var key = Guid.NewGuid().ToString();
        var until = DateTime.UtcNow + GiveUpAfter;
        var races = 0;
        while (true)
        {
            var response = await AnsweredAsync(client, () =>
            {
                var request = new HttpRequestMessage(method, url) { Content = content() };
                request.Headers.Add("Idempotency-Key", key);
                return request;
            }, until);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                var title = await TitleAsync(response);
                if (title == InProgress)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                    continue;
                }
                // Its changes were committed and its answer lost with its node: sent again under a new key it would run
                // twice. The caller reads the resource instead, as the answer says (Answers.ExpectAsync's carriedOut).
                if (title == CarriedOut)
                    return response;
                if (retryLostRaces && ++races < 8)
                {
                    key = Guid.NewGuid().ToString();
                    await Task.Delay(200 * races);
                    continue;
                }
            }
            if ((int)response.StatusCode >= 500)
                Faults.Enqueue($"{method} {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response;
        }
    }

    /// <summary>A read, retried the same way (a read changes nothing, so it needs no key).</summary>
    public Task<JsonElement> GetAsync(HttpClient client, string url) => GetAsync(() => client, url);

    /// <summary>A read, asking <paramref name="client"/> again before every attempt (see <see cref="SendAsync"/>).</summary>
    public async Task<JsonElement> GetAsync(Func<HttpClient> client, string url)
    {
        var response = await AnsweredAsync(client, () => new HttpRequestMessage(HttpMethod.Get, url), DateTime.UtcNow + GiveUpAfter);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            if ((int)response.StatusCode >= 500) Faults.Enqueue($"GET {url} answered {(int)response.StatusCode}: {text}");
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Sends <paramref name="request"/> (a new message each attempt, to the client asked again) until an answer that is not
    /// an outage: a connection cut off is tried again after a second, a 503 after its Retry-After (one without it, or not
    /// problem+json, is recorded as a fault).
    /// </summary>
    private async Task<HttpResponseMessage> AnsweredAsync(Func<HttpClient> client, Func<HttpRequestMessage> request, DateTime until)
    {
        while (true)
        {
            using var message = request();
            var what = $"{message.Method} {message.RequestUri}";
            if (DateTime.UtcNow > until) throw new TimeoutException($"{what} did not get an answer within {GiveUpAfter.TotalMinutes} minutes.");
            HttpResponseMessage response;
            var http = client();
            var write = message.Method != HttpMethod.Get;
            if (write) _inFlight.AddOrUpdate(http.BaseAddress!, 1, (_, n) => n + 1);
            try
            {
                response = await http.SendAsync(message);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _cutOff);
                await Task.Delay(1000);
                continue;
            }
            finally
            {
                if (write) _inFlight.AddOrUpdate(http.BaseAddress!, 0, (_, n) => n - 1);
            }
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return response;

            Interlocked.Increment(ref _unavailable);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (retryAfter is null || type != "application/problem+json")
                Faults.Enqueue($"{what} answered 503 with Retry-After {retryAfter?.TotalSeconds.ToString() ?? "none"} as {type}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(retryAfter ?? TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return problem.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
