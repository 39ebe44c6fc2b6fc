using System.Net;
using System.Text.Json;
using ProjectWorkflow.Cluster.Tests.Operations;

namespace ProjectWorkflow.Cluster.Tests.Lifecycles;

/// <summary>What the walks expect of an answer, and how they wait for what happens after it (a process moving on, a payment).</summary>
internal static class Answers
{
    /// <summary>
    /// The answer's body, once its status is <paramref name="expected"/> (else the step fails, saying what it was). A 409
    /// <see cref="PatientClient.CarriedOut"/> (the request was committed and its answer lost with its node) is the step
    /// done: what <paramref name="carriedOut"/> reads back stands for the lost body (nothing, when the step needs none).
    /// </summary>
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what, Func<Task<JsonElement>>? carriedOut = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Conflict && TitleOf(text) == PatientClient.CarriedOut)
            return carriedOut is null ? default : await carriedOut();
        Assert.True(response.StatusCode == expected, $"{what} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The one item of <paramref name="list"/> that <paramref name="ours"/> picks (a resource read back after its creation's answer was lost).</summary>
    public static JsonElement Single(JsonElement list, Func<JsonElement, bool> ours) => Assert.Single(list.EnumerateArray().Where(ours).ToList()).Clone();

    private static string? TitleOf(string problem)
    {
        try
        {
            return JsonDocument.Parse(problem).RootElement.TryGetProperty("title", out var title) ? title.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <param name="what">What is awaited, worded when the wait gives up after <paramref name="deadline"/> (so it can say how far it got).</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Still waiting after {deadline.TotalMinutes:0} min for {what()}.");
            await Task.Delay(300);
        }
    }

    /// <summary>
    /// Waits until each of <paramref name="items"/> is <paramref name="done"/> (asked again of those still waiting, the
    /// index among them given for the node to ask), saying when it gives up how many are still waiting, and which.
    /// </summary>
    public static async Task UntilEachAsync<T>(IReadOnlyList<T> items, Func<T, int, Task<bool>> done, string what, Func<T, string> name, TimeSpan deadline)
    {
        var waiting = items.ToList();
        await UntilAsync(async () =>
        {
            var still = new List<T>();
            foreach (var item in waiting)
                if (!await done(item, still.Count)) still.Add(item);
            waiting = still;
            return waiting.Count == 0;
        }, () => $"{what} ({waiting.Count} of {items.Count} still waiting: {string.Join(", ", waiting.Take(5).Select(name))})", deadline);
    }
}
