using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>Small steps of the engine API that the stories repeat.</summary>
internal static class WorkflowApi
{
    public static async Task<HttpResponseMessage> DeployAsync(HttpClient client, string xml) =>
        await client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

    public static async Task<Guid> StartAsync(HttpClient admin, string key, object? variables = null, string? businessKey = null)
    {
        var response = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey, variables = variables ?? new { } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("running", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement[]> TasksAsync(HttpClient client, string scope, Guid instanceId) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/tasks?scope={scope}&instanceId={instanceId}"))!;

    public static async Task<Guid> OnlyTaskAsync(HttpClient client, string scope, Guid instanceId, string elementId)
    {
        var task = Assert.Single(await TasksAsync(client, scope, instanceId));
        Assert.Equal(elementId, task.GetProperty("elementId").GetString());
        return task.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task OkAsync(HttpClient client, string url, object? body = null)
    {
        var response = await PostAsync(client, url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> InstanceAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/instances/{id}");

    public static async Task<JsonElement[]> JournalAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/instances/{id}/journal"))!;

    /// <summary>Another person with a role (the demo has one of most), created by the administrator once per app.</summary>
    public static async Task<string> PersonAsync(HttpClient admin, string userName, string role)
    {
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            userName, displayName = userName, password = ProjectWorkflow.Application.Seeding.DemoUsers.Password, roles = new[] { role },
        });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        return userName;
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
